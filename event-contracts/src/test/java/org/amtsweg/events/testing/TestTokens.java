package org.amtsweg.events.testing;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;

/**
 * Tokens of the people and clients the services' tests act as, with the claims the identity gateway
 * issues (one vocabulary for every service), signed with the shared test key ({@link TestSigningKey}).
 * Their audience is the service under test: each service's test run names itself in the system property
 * {@code amtsweg.test.audience} (its surefire configuration).
 */
public final class TestTokens {

    private TestTokens() {}

    /** Erika Mustermann of Hagen, as the eID card vouches for her, at the given trust level. */
    public static String erika(String acr) {
        return citizen(
                "erika-pseudonym",
                "Erika",
                "Mustermann",
                "1964-08-12",
                "Rathausstraße 11",
                "58095",
                "Hagen",
                "05914000",
                acr);
    }

    public static String citizen(
            String subject,
            String given,
            String family,
            String birthdate,
            String street,
            String postalCode,
            String locality,
            String ags,
            String acr) {
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("acr", acr)
                .claim("amr", List.of("hwk"))
                .claim("given_name", given)
                .claim("family_name", family)
                .claim("birthdate", birthdate)
                .claim(
                        "address",
                        Map.of(
                                "street_address",
                                street,
                                "postal_code",
                                postalCode,
                                "locality",
                                locality,
                                "country",
                                "DE"))
                .claim("municipality", ags));
    }

    /** A member of an authority's staff with the given roles (clerk, supervisor, administrator). */
    public static String staff(String username, String authority, String... roles) {
        return sign(new JWTClaimsSet.Builder()
                .subject("staff-" + username)
                .claim("preferred_username", username)
                .claim("authority", authority)
                .claim("roles", List.of(roles))
                .claim("acr", "low"));
    }

    /** A client acting on its own behalf with the given scopes, e.g. the case service fetching documents. */
    public static String service(String clientId, String scope) {
        return sign(new JWTClaimsSet.Builder()
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("scope", scope));
    }

    /** An authority's specialist procedure acting on its own behalf (client credentials), as the gateway issues it. */
    public static String procedure(String authority) {
        String client = "procedure-" + authority;
        return sign(new JWTClaimsSet.Builder()
                .subject(client)
                .claim("client_id", client)
                .claim("scope", "handover")
                .claim("authority", authority)
                .claim("roles", List.of("procedure")));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        String audience = System.getProperty("amtsweg.test.audience");
        if (audience == null) {
            throw new IllegalStateException("set the system property amtsweg.test.audience to the service under test");
        }
        return TestSigningKey.sign(claims, audience);
    }
}
