package org.amtsweg.catalog.admin;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who made a change, for the audit: the administrator's username, else the token's subject. */
public final class Administrator {

    private Administrator() {}

    public static String of(JsonWebToken token) {
        Object username = token.getClaim("preferred_username");
        if (username instanceof JsonString string) {
            return string.getString();
        }
        return username != null ? username.toString() : token.getSubject();
    }
}
