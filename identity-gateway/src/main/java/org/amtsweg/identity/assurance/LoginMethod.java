package org.amtsweg.identity.assurance;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a person proved who they are; the method, not the client's wish, decides the trust level.
 *
 * @see TrustLevel
 */
public enum LoginMethod {
    /** Online-Ausweis: the eID function of the German identity card. */
    EID("eid", TrustLevel.HIGH, "hwk"),
    /** ELSTER software certificate, as used for tax returns. */
    ELSTER("elster", TrustLevel.SUBSTANTIAL, "swk"),
    /** Username and password of a BundID account. */
    PASSWORD("password", TrustLevel.LOW, "pwd");

    private final String code;
    private final TrustLevel trustLevel;
    private final String amr;

    LoginMethod(String code, TrustLevel trustLevel, String amr) {
        this.code = code;
        this.trustLevel = trustLevel;
        this.amr = amr;
    }

    public String code() {
        return code;
    }

    public TrustLevel trustLevel() {
        return trustLevel;
    }

    /** The RFC 8176 authentication method reference: hardware key, software key or password. */
    public String amr() {
        return amr;
    }

    public static Optional<LoginMethod> fromCode(String code) {
        return Arrays.stream(values())
                .filter(method -> method.code.equals(code))
                .findFirst();
    }
}
