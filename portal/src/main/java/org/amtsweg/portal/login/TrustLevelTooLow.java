package org.amtsweg.portal.login;

/**
 * A service refused the person's login as weaker than what it needs (403 {@code trust-level-too-low}): she logs
 * in again with at least {@link #required()} and comes back to the page she was on ({@link StepUpOnRefusal}).
 */
public class TrustLevelTooLow extends RuntimeException {

    private final TrustLevel required;

    public TrustLevelTooLow(TrustLevel required) {
        super("the login's trust level is below " + required.acr(), null, false, false);
        this.required = required;
    }

    public TrustLevel required() {
        return required;
    }
}
