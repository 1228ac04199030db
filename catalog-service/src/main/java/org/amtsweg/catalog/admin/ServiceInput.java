package org.amtsweg.catalog.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** A service (Leistung) as administrators write it, and as the catalogue exports and imports it. */
public record ServiceInput(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,80}", message = "{amtsweg.catalog.key}")
        String key,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String shortDescription,

        @Pattern(regexp = "[0-9]{1,8}", message = "{amtsweg.catalog.ozg-id}")
        String ozgId,

        @Valid List<@NotNull @Valid LeikaInput> leika,
        @KnownTopic String topic,
        @Size(max = 200) String situation,
        List<@NotBlank String> responsibilityLevels,
        boolean booster,
        @Pattern(regexp = "NOT_YET_EFA_READY|EFA_READY") String boosterList,
        @Min(1) @Max(35) Integer boosterPosition,
        boolean efa,
        @Size(max = 200) String efaOperator,
        LocalDate efaKickoff,
        @Size(max = 20) String efaProductiveSince,
        @Min(1) @Max(5) Integer priority,
        @Size(max = 500) String priorityNote,

        @NotNull @Pattern(regexp = "online|external|in-person")
        String handling,

        @URL String handlingUrl,
        @Size(max = 1000) String handlingNote,
        @NotNull @Pattern(regexp = "low|substantial|high") String minimumTrustLevel,
        List<@NotNull @Pattern(regexp = "RESIDENT_REGISTER|VEHICLE_REGISTER|BUSINESS_REGISTER") String> registryChecks,
        List<@NotBlank @Size(max = 100) String> synonyms,
        @Size(max = 300) String legalBasis) {

    /** One LeiKa entry of the service. */
    public record LeikaInput(
            @NotNull @Pattern(regexp = "[0-9]{14}", message = "{amtsweg.catalog.leika-id}")
            String leikaId,

            @NotBlank @Size(max = 300) String name,
            @Size(max = 50) String lastChange,
            @Size(max = 10) String type,
            @Size(max = 200) String legalBasis,
            @Size(max = 50) String sdg1,
            @Size(max = 50) String sdg2,
            @Size(max = 50) String status) {}

    public List<LeikaInput> leikaOrEmpty() {
        return leika == null ? List.of() : leika;
    }
}
