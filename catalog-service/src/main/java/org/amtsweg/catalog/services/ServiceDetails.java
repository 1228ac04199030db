package org.amtsweg.catalog.services;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An administrative service (Leistung) as the catalogue describes it to portals and other services.
 *
 * @param handling          how a citizen uses it: {@code online} here, {@code external} (link) or {@code in-person}
 * @param minimumTrustLevel the eIDAS level of assurance a login needs: {@code low}, {@code substantial}, {@code high}
 * @param registryChecks    the register checks an application for it needs, e.g. {@code RESIDENT_REGISTER}
 */
public record ServiceDetails(
        String key,
        String name,
        String shortDescription,
        String ozgId,
        List<LeikaEntry> leika,
        String topic,
        String situation,
        List<String> responsibilityLevels,
        Booster booster,
        Efa efa,
        Priority priority,
        Handling handling,
        String minimumTrustLevel,
        List<String> registryChecks,
        List<String> synonyms,
        String legalBasis,
        OffsetDateTime updatedAt) {

    /** Membership in the 35 OZG booster services and in which of the seed document's two lists. */
    public record Booster(boolean member, String list, Integer position) {
    }

    /** "Einer für Alle": built once, operated centrally, used by every authority that connects. */
    public record Efa(boolean ready, String operator, LocalDate kickoff, String productiveSince) {
    }

    /** Digitisation priority as the state assessed it, with the reason. */
    public record Priority(Integer level, String note) {
    }

    public record Handling(String mode, String url, String note) {
    }
}
