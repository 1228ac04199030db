package org.amtsweg.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amtsweg.application.security.Citizen;
import org.junit.jupiter.api.Test;

/** Once-only: a new draft holds what the eID proved, where the form's prefill hints put it, and nothing else. */
class PrefillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The hints of the Ummeldung form (catalog-service's ummeldung.v1.json), in its order. */
    private static final Map<String, String> HINTS = hints();

    private static Map<String, String> hints() {
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("/antragsteller/vorname", "given_name");
        hints.put("/antragsteller/familienname", "family_name");
        hints.put("/antragsteller/geburtsdatum", "birthdate");
        hints.put("/antragsteller/anschrift/strasse_hausnummer", "address.street_address");
        hints.put("/antragsteller/anschrift/postleitzahl", "address.postal_code");
        hints.put("/antragsteller/anschrift/ort", "address.locality");
        hints.put("/antragsteller/geburtsort", "place_of_birth");
        hints.put("/antragsteller/staatsangehoerigkeit", "nationality");
        return hints;
    }

    @Test
    void erikasDraftHoldsHerNameBirthDateAndAddress() throws Exception {
        Prefill.Result prefill = Prefill.from(presentation(HINTS), citizen("""
                {"given_name": "Erika", "family_name": "Mustermann", "birthdate": "1964-08-12",
                 "place_of_birth": "Berlin", "nationality": "DE",
                 "address": {"street_address": "Rathausstraße 11", "postal_code": "58095", "locality": "Hagen",
                             "country": "DE"}}
                """));
        assertThat(prefill.data()).isEqualTo(JSON.readTree("""
                {"antragsteller": {"vorname": "Erika", "familienname": "Mustermann", "geburtsdatum": "1964-08-12",
                  "anschrift": {"strasse_hausnummer": "Rathausstraße 11", "postleitzahl": "58095", "ort": "Hagen"},
                  "geburtsort": "Berlin", "staatsangehoerigkeit": "DE"}}
                """));
        assertThat(prefill.pointers()).containsExactlyElementsOf(HINTS.keySet());
    }

    @Test
    void whatTheIdentityDidNotReleaseIsLeftForTheCitizen() throws Exception {
        // A password login releases no eID data: only the profile scope, without an address.
        Prefill.Result prefill = Prefill.from(
                presentation(HINTS), citizen("{\"given_name\": \"Erika\", \"family_name\": \"Mustermann\"}"));
        assertThat(prefill.data()).isEqualTo(JSON.readTree("""
                {"antragsteller": {"vorname": "Erika", "familienname": "Mustermann"}}"""));
        assertThat(prefill.pointers()).containsExactly("/antragsteller/vorname", "/antragsteller/familienname");
    }

    /** A federated identity without a street: the gateway's token carries {@code "street_address": null}. */
    @Test
    void anEmptyClaimIsNotPrefilledAsTheWordNull() throws Exception {
        Prefill.Result prefill = Prefill.from(presentation(HINTS), citizen("""
                {"given_name": "Erika",
                 "address": {"street_address": null, "postal_code": "58095", "locality": "Hagen"}}
                """));
        assertThat(prefill.data().at("/antragsteller/anschrift"))
                .isEqualTo(JSON.readTree("{\"postleitzahl\": \"58095\", \"ort\": \"Hagen\"}"));
        assertThat(prefill.pointers()).doesNotContain("/antragsteller/anschrift/strasse_hausnummer");
    }

    @Test
    void aClaimThatIsNoSingleValueIsNotPrefilled() throws Exception {
        Prefill.Result prefill = Prefill.from(
                presentation(Map.of("/antragsteller/anschrift", "address")),
                citizen("{\"address\": {\"locality\": \"Hagen\"}}"));
        assertThat(prefill.data()).isEmpty();
        assertThat(prefill.pointers()).isEmpty();
    }

    @Test
    void aFormWithoutHintsStartsEmpty() throws Exception {
        Prefill.Result prefill =
                Prefill.from(JSON.readTree("{\"labels\": {}}"), citizen("{\"given_name\": \"Erika\"}"));
        assertThat(prefill.data()).isEmpty();
        assertThat(prefill.pointers()).isEmpty();
    }

    @Test
    void aHintsPointerIsReadAsAJsonPointer() throws Exception {
        Map<String, String> hints = Map.of("/name~1vorname", "given_name", "/a~0b", "family_name");
        Prefill.Result prefill = Prefill.from(
                presentation(hints), citizen("{\"given_name\": \"Erika\", \"family_name\": \"Mustermann\"}"));
        assertThat(prefill.data()).isEqualTo(JSON.readTree("{\"name/vorname\": \"Erika\", \"a~b\": \"Mustermann\"}"));
    }

    /** Whatever the identity released: each filled pointer holds its claim, and the data hold nothing more. */
    @Property
    void theDraftHoldsExactlyTheReleasedClaimsTheFormAsksFor(@ForAll("released") Map<String, Optional<String>> released)
            throws Exception {
        ObjectNode claims = JSON.createObjectNode();
        released.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            ObjectNode holder = parts.length == 1
                    ? claims
                    : claims.has(parts[0]) ? (ObjectNode) claims.get(parts[0]) : claims.putObject(parts[0]);
            String name = parts[parts.length - 1];
            value.ifPresentOrElse(text -> holder.put(name, text), () -> holder.putNull(name));
        });
        Prefill.Result prefill =
                Prefill.from(presentation(HINTS), new Citizen("pseudonym", "high", Optional.empty(), claims));

        List<String> expected = new ArrayList<>();
        HINTS.forEach((pointer, claim) -> {
            if (released.getOrDefault(claim, Optional.empty()).isPresent()) {
                expected.add(pointer);
            }
        });
        assertThat(prefill.pointers()).containsExactlyElementsOf(expected);
        for (String pointer : expected) {
            String claim = HINTS.get(pointer);
            assertThat(prefill.data().at(pointer).textValue())
                    .isEqualTo(released.get(claim).orElseThrow());
        }
        assertThat(leaves(prefill.data())).isEqualTo(expected.size());
    }

    @Provide
    Arbitrary<Map<String, Optional<String>>> released() {
        Arbitrary<Optional<String>> values =
                Arbitraries.strings().ofMaxLength(12).optional(0.8);
        List<String> claims = new ArrayList<>(HINTS.values());
        claims.add("address.country");
        claims.add("municipality");
        return Arbitraries.maps(Arbitraries.of(claims), values).ofMaxSize(claims.size());
    }

    private static int leaves(JsonNode node) {
        if (!node.isContainerNode()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += leaves(child);
        }
        return count;
    }

    private static JsonNode presentation(Map<String, String> hints) {
        ObjectNode presentation = JSON.createObjectNode();
        hints.forEach(presentation.putObject("prefill")::put);
        return presentation;
    }

    private static Citizen citizen(String claims) throws Exception {
        return new Citizen("pseudonym-erika", "high", Optional.of("05914000"), (ObjectNode) JSON.readTree(claims));
    }
}
