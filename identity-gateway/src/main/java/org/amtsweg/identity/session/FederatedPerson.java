package org.amtsweg.identity.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.amtsweg.identity.citizen.TestIdentity;

/** A person as the upstream provider vouched for them, in the shape the token factory releases claims from. */
final class FederatedPerson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FederatedPerson() {}

    static TestIdentity of(LoginSession session) {
        try {
            JsonNode claims = MAPPER.readTree(session.claims());
            JsonNode address = claims.path("address");
            return new TestIdentity(
                    session.subjectRef(),
                    null,
                    text(claims, "given_name"),
                    text(claims, "family_name"),
                    claims.hasNonNull("birthdate")
                            ? LocalDate.parse(claims.get("birthdate").asText())
                            : null,
                    text(claims, "place_of_birth"),
                    text(claims, "nationality"),
                    address.isObject()
                            ? new TestIdentity.Address(
                                    text(address, "street_address"),
                                    text(address, "postal_code"),
                                    text(address, "locality"),
                                    text(address, "country"))
                            : null,
                    text(claims, "municipality"),
                    List.of(session.method().code()));
        } catch (Exception e) {
            throw new IllegalStateException("the federated session's claims are unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
