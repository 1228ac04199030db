package org.amtsweg.portal.login;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eIDAS levels of assurance (Vertrauensniveaus) as the gateway names them in a token's {@code acr} and in
 * {@code acr_values}, lowest first: a password, an ELSTER certificate, the eID card (Online-Ausweis).
 */
public enum TrustLevel {
    LOW("low", "niedrig"),
    SUBSTANTIAL("substantial", "substanziell"),
    HIGH("high", "hoch");

    private final String acr;
    private final String label;

    TrustLevel(String acr, String label) {
        this.acr = acr;
        this.label = label;
    }

    public String acr() {
        return acr;
    }

    /** The German name the gateway's login page uses too. */
    public String label() {
        return label;
    }

    public boolean reaches(TrustLevel required) {
        return compareTo(required) >= 0;
    }

    /** The level of an {@code acr} value; anything else (a value from outside) is no level. */
    public static Optional<TrustLevel> of(String acr) {
        return Arrays.stream(values()).filter(level -> level.acr.equals(acr)).findFirst();
    }
}
