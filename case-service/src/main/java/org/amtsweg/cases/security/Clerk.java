package org.amtsweg.cases.security;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A member of an authority's staff, as the identity gateway vouched for them: every case query is
 * scoped to {@link #authority()}, so a clerk never sees another authority's cases.
 */
public record Clerk(String username, String authority, Set<String> roles) {

    public static Clerk from(JsonWebToken token) {
        Object authority = token.getClaim("authority");
        Object username = token.getClaim("preferred_username");
        return new Clerk(username == null ? token.getSubject() : text(username),
                authority == null ? null : text(authority), token.getGroups());
    }

    public boolean isSupervisor() {
        return roles.contains("supervisor");
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }
}
