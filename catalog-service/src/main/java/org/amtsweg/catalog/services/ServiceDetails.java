package org.amtsweg.catalog.services;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An administrative service (Leistung) as the catalogue describes it to portals and other services. The fields marked
 * nullable are answered as {@code null} where the catalogue holds nothing for them; the published schema says so.
 *
 * @param handling          how a citizen uses it: {@code online} here, {@code external} (link) or {@code in-person}
 * @param minimumTrustLevel the eIDAS level of assurance a login needs: {@code low}, {@code substantial}, {@code high}
 * @param registryChecks    the register checks an application for it needs, e.g. {@code RESIDENT_REGISTER}
 */
public record ServiceDetails(
        String key,
        String name,
        @Schema(nullable = true) String shortDescription,
        @Schema(nullable = true) String ozgId,
        List<LeikaEntry> leika,
        @Schema(nullable = true) String topic,
        @Schema(nullable = true) String situation,
        List<String> responsibilityLevels,
        Booster booster,
        Efa efa,
        Priority priority,
        Handling handling,
        String minimumTrustLevel,
        List<String> registryChecks,
        List<String> synonyms,
        @Schema(nullable = true) String legalBasis,
        OffsetDateTime updatedAt) {

    /** Membership in the 35 OZG booster services and in which of the seed document's two lists. */
    public record Booster(
            boolean member,
            @Schema(nullable = true) String list,
            @Schema(nullable = true) Integer position) {}

    /** "Einer für Alle": built once, operated centrally, used by every authority that connects. */
    public record Efa(
            boolean ready,
            @Schema(nullable = true) String operator,
            @Schema(nullable = true) LocalDate kickoff,
            @Schema(nullable = true) String productiveSince) {}

    /** Digitisation priority as the state assessed it, with the reason. */
    public record Priority(
            @Schema(nullable = true) Integer level,
            @Schema(nullable = true) String note) {}

    public record Handling(
            String mode,
            @Schema(nullable = true) String url,
            @Schema(nullable = true) String note) {}
}
