package org.amtsweg.cases;

import com.nimbusds.jwt.JWTClaimsSet;
import org.amtsweg.events.testing.TestSigningKey;

import java.util.List;
import java.util.Map;

/** Tokens of the people this service's tests act as, signed with the shared test key ({@link TestSigningKey}). */
public final class TestTokens {

    private TestTokens() {
    }

    /** Erika Mustermann of Hagen, as the eID card vouches for her, at the given trust level. */
    public static String erika(String acr) {
        return citizen("erika-pseudonym", "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11", "58095", "Hagen", "05914000", acr);
    }

    public static String citizen(String subject, String given, String family, String birthdate, String street, String postalCode,
                                 String locality, String ags, String acr) {
        return sign(new JWTClaimsSet.Builder().subject(subject)
                .claim("acr", acr).claim("amr", List.of("hwk"))
                .claim("given_name", given).claim("family_name", family).claim("birthdate", birthdate)
                .claim("address", Map.of("street_address", street, "postal_code", postalCode, "locality", locality, "country", "DE"))
                .claim("municipality", ags));
    }

    public static String staff(String username, String authority, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject("staff-" + username).claim("preferred_username", username).claim("authority", authority)
                .claim("roles", List.of(roles)).claim("acr", "low"));
    }

    /** An authority's specialist procedure acting on its own behalf (client credentials), as the gateway issues it. */
    public static String procedure(String authority) {
        String client = "procedure-" + authority;
        return sign(new JWTClaimsSet.Builder().subject(client).claim("client_id", client).claim("scope", "handover")
                .claim("authority", authority).claim("roles", List.of("procedure")));
    }

    static String sign(JWTClaimsSet.Builder claims) {
        return TestSigningKey.sign(claims, "case-service");
    }
}
