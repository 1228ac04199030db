package org.amtsweg.usage.security;

import jakarta.json.JsonString;
import java.util.Optional;
import org.amtsweg.usage.UsageProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An administrator as the identity gateway vouched for her: of the platform's operator (all authorities'
 * figures) or of one authority (only its own).
 */
public record Administrator(String username, String authority, boolean operator) {

    /** Refuses a token that names no authority (403): such an administrator belongs to nobody's figures. */
    public static Administrator from(JsonWebToken token, String operatorAuthority) {
        Object authority = token.getClaim("authority");
        if (authority == null) {
            throw UsageProblem.NO_AUTHORITY.problem(
                    "Die Anmeldung nennt keine Behörde; Nutzungszahlen sehen nur Administratoren einer Behörde"
                            + " oder des Betreibers.");
        }
        Object username = token.getClaim("preferred_username");
        String authorityId = text(authority);
        return new Administrator(
                username == null ? token.getSubject() : text(username),
                authorityId,
                operatorAuthority.equals(authorityId));
    }

    /**
     * The authority whose figures she reads: the one she asked for, if she may; all (empty) for the operator
     * asking for none; her own otherwise.
     */
    public Optional<String> scope(String requested) {
        if (operator) {
            return Optional.ofNullable(requested);
        }
        if (requested != null && !requested.equals(authority)) {
            throw UsageProblem.OTHER_AUTHORITY.problem(
                    "Sie sehen die Nutzungszahlen Ihrer Behörde, nicht die einer anderen.");
        }
        return Optional.of(authority);
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }
}
