package org.amtsweg.catalog;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.amtsweg.events.testing.TestSigningKey;

/** Tokens of the people this service's tests act as, signed with the shared test key ({@link TestSigningKey}). */
public final class TestTokens {

    private TestTokens() {}

    public static String staff(String username, String authority, String... roles) {
        return sign(new JWTClaimsSet.Builder()
                .subject("staff-" + username)
                .claim("preferred_username", username)
                .claim("authority", authority)
                .claim("roles", List.of(roles))
                .claim("acr", "low"));
    }

    static String sign(JWTClaimsSet.Builder claims) {
        return TestSigningKey.sign(claims, "catalog-service");
    }
}
