package org.amtsweg.cases.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.amtsweg.cases.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A member of an authority's staff, as the identity gateway vouched for them: every case query is
 * scoped to {@link #authority()}, so a clerk never sees another authority's cases.
 */
public record Clerk(String username, String authority, Set<String> roles) {

    public static Clerk from(JsonWebToken token) {
        Object authority = token.getClaim("authority");
        Object username = token.getClaim("preferred_username");
        return new Clerk(
                username == null ? token.getSubject() : text(username),
                authority == null ? null : text(authority),
                roles(token.getClaim("roles")));
    }

    /** The member of staff (or procedure) a token speaks for, refusing tokens that name no authority (403). */
    public static Clerk ofAuthority(JsonWebToken token) {
        Clerk clerk = from(token);
        if (clerk.authority() == null) {
            throw Problems.noAuthority();
        }
        return clerk;
    }

    public boolean isSupervisor() {
        return roles.contains("supervisor");
    }

    /** The gateway's {@code roles} claim (JsonWebToken's groups come from another claim). */
    private static Set<String> roles(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }
}
