package org.amtsweg.application.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.amtsweg.application.IntakeProblem;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An administrator as the identity gateway vouched for her (role {@code admin} in the {@code roles} claim; this
 * service's own roles are scopes): of the platform's operator, who reads every authority's figures, or of one
 * authority, who reads only its own.
 */
public record Administrator(String authority, boolean operator) {

    /** The platform operator's authority, as the gateway names it for its administrators. */
    public static final String OPERATOR = "amtsweg";

    public static Administrator of(JsonWebToken token) {
        if (!roles(token.getClaim("roles")).contains("admin")) {
            throw PlatformProblem.FORBIDDEN.problem("Diese Zahlen lesen nur Administratorinnen und Administratoren.");
        }
        Object authority = token.getClaim("authority");
        if (authority == null) {
            throw IntakeProblem.NO_AUTHORITY.problem("Die Anmeldung nennt keine Behörde.");
        }
        String id = authority instanceof JsonString text ? text.getString() : authority.toString();
        return new Administrator(id, OPERATOR.equals(id));
    }

    /** The authority she reads: the one asked for if she may, all (empty) for the operator asking for none, else her own. */
    public Optional<String> scope(String requested) {
        if (operator) {
            return Optional.ofNullable(requested);
        }
        if (requested != null && !requested.equals(authority)) {
            throw IntakeProblem.OTHER_AUTHORITY.problem("Sie sehen die Zahlen Ihrer Behörde, nicht die einer anderen.");
        }
        return Optional.of(authority);
    }

    private static Set<String> roles(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
