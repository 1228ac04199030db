package org.amtsweg.application.catalog;

import java.util.List;

/**
 * What intake needs to know of a service: may it be applied for online here, with which trust
 * level, which register checks follow.
 */
public record ServiceOffer(
        String key,
        String name,
        String ozgId,
        List<String> leikaIds,
        String handling,
        String handlingUrl,
        String handlingNote,
        String minimumTrustLevel,
        List<String> registryChecks) {}
