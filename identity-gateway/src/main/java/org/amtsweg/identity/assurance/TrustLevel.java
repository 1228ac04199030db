package org.amtsweg.identity.assurance;

import java.util.Arrays;
import java.util.Optional;

/**
 * eIDAS level of assurance of a login (Vertrauensniveau), carried in the {@code acr} claim.
 *
 * <p>BundID speaks SAML with {@code STORK-QAA-Level-1..4}; the mapping is: levels 1 and 2 are
 * {@link #LOW}, level 3 is {@link #SUBSTANTIAL}, level 4 is {@link #HIGH}. Towards BundID we ask
 * for the lowest STORK level that still grants ours (low → 1, substantial → 3, high → 4).
 */
public enum TrustLevel {
    LOW("low", 1),
    SUBSTANTIAL("substantial", 3),
    HIGH("high", 4);

    private final String acr;
    private final int storkLevel;

    TrustLevel(String acr, int storkLevel) {
        this.acr = acr;
        this.storkLevel = storkLevel;
    }

    /** The value of the {@code acr} claim. */
    public String acr() {
        return acr;
    }

    /** The STORK-QAA level to request from BundID for this trust level. */
    public String storkQaa() {
        return "STORK-QAA-Level-" + storkLevel;
    }

    public boolean satisfies(TrustLevel required) {
        return compareTo(required) >= 0;
    }

    public static Optional<TrustLevel> fromAcr(String acr) {
        return Arrays.stream(values()).filter(level -> level.acr.equals(acr)).findFirst();
    }

    /** Maps BundID's {@code STORK-QAA-Level-n} to our level (1–2 low, 3 substantial, 4 high). */
    public static Optional<TrustLevel> fromStorkQaa(String stork) {
        if (stork == null || !stork.matches("STORK-QAA-Level-[1-4]")) {
            return Optional.empty();
        }
        int level = stork.charAt(stork.length() - 1) - '0';
        return Optional.of(level <= 2 ? LOW : level == 3 ? SUBSTANTIAL : HIGH);
    }
}
