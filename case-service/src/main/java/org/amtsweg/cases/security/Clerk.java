package org.amtsweg.cases.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A member of an authority's staff, as the identity gateway vouched for them: every case query is
 * scoped to {@link #authority()}, so a clerk never sees another authority's cases.
 */
public record Clerk(String username, String authority, Set<String> roles) {

    /** The identity attribute holding what {@link #from(JsonWebToken)} found, so that a token is read once, not per request. */
    static final String ATTRIBUTE = Clerk.class.getName();

    /**
     * What a token says about its bearer. {@code getClaim} throws and catches an exception inside for
     * every name the JWT specification does not define ({@code authority}, {@code roles}): done once per
     * token ({@link VerifiedTokens} keeps the result with the identity), not on every request.
     */
    static Clerk from(JsonWebToken token) {
        Set<String> present = token.getClaimNames();
        Object authority = present.contains("authority") ? token.getClaim("authority") : null;
        Object username = present.contains("preferred_username") ? token.getClaim("preferred_username") : null;
        return new Clerk(username == null ? token.getSubject() : text(username),
                authority == null ? null : text(authority), present.contains("roles") ? roles(token.getClaim("roles")) : Set.of());
    }

    /** The member of staff (or procedure) a request speaks for, refusing tokens that name no authority (403). */
    public static Clerk ofAuthority(SecurityIdentity identity) {
        Clerk clerk = identity.getAttribute(ATTRIBUTE);
        if (clerk == null && identity.getPrincipal() instanceof JsonWebToken token) {
            clerk = from(token);
        }
        if (clerk == null || clerk.authority() == null) {
            throw org.amtsweg.cases.Problems.noAuthority();
        }
        return clerk;
    }

    public boolean isSupervisor() {
        return roles.contains("supervisor");
    }

    /** The gateway's {@code roles} claim (JsonWebToken's groups come from another claim). */
    private static Set<String> roles(Object claim) {
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }
}
