package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Administrators change the catalogue; every change is checked, audited and announced. */
@QuarkusTest
class AdministrationTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final String ADMIN = TestTokens.staff("admin", "amtsweg", "admin");

    @Test
    void anAdministratorAddsAServiceThatIsThenFoundAndAnnounced() {
        // A key of its own per run: the broker keeps the events of earlier runs.
        String key = "hundesteuer-" + Long.toString(System.nanoTime(), 36);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(service(key, "Hundesteuer", "Steuern & Zoll", "99000000000001"))
                .put("/services/" + key)
                .then()
                .statusCode(201)
                .body("name", equalTo("Hundesteuer"))
                .body("leika[0].leikaId", equalTo("99000000000001"));
        given().queryParam("q", "Hundesteuern")
                .get("/services")
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));

        List<ConsumerRecord<String, String>> events = KAFKA.recordsWithKey("catalog", key, 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(CloudEventTopics.header(events.get(0), "ce_type")).isEqualTo("CatalogChanged");
        assertThat(EventContracts.violations("CatalogChanged", events.get(0).value()))
                .isEmpty();
        var event = JsonPath.from(events.get(0).value());
        assertThat(event.getString("change")).isEqualTo("CREATED");
        assertThat(event.getString("changedBy")).isEqualTo("admin");

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(service(key, "Hundesteuer (Anmeldung)", "Steuern & Zoll", "99000000000001"))
                .put("/services/" + key)
                .then()
                .statusCode(200)
                .body("name", equalTo("Hundesteuer (Anmeldung)"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        Map<String, Object> bad = service("katzensteuer", "Katzensteuer", "Tiere & Pflanzen", "123");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(bad)
                .put("/services/katzensteuer")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.pointer", hasItem("/topic"))
                .body("violations.pointer", hasItem("/leika/0/leikaId"));
        given().get("/services/katzensteuer").then().statusCode(404);
    }

    @Test
    void aLeikaIdOfAnotherServiceIsADuplicateKey() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(service("behindertenparkausweis", "Parkausweis", "Gesundheit", "99015007000000"))
                .put("/services/behindertenparkausweis")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://amtsweg.org/problems/conflict"));
        given().get("/services/behindertenparkausweis").then().statusCode(404);
    }

    @Test
    void onlyAdministratorsChangeTheCatalogue() {
        Map<String, Object> body = service("wohngeld", "Wohngeld", "Arbeit & Ruhestand", null);
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/services/wohngeld")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/services/wohngeld")
                .then()
                .statusCode(403);
    }

    @Test
    void aNewFormVersionIsCheckedAgainstTheMetaSchemaAndOldVersionsStay() {
        Map<String, Object> invalid = Map.of(
                "schema",
                Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "type", 42),
                "presentation",
                Map.of());
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(invalid)
                .post("/services/meldebescheinigung/form/versions")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/schema/type"));

        Map<String, Object> valid = Map.of(
                "schema",
                Map.of(
                        "$schema",
                        "https://json-schema.org/draft/2020-12/schema",
                        "type",
                        "object",
                        "required",
                        List.of("zweck"),
                        "properties",
                        Map.of("zweck", Map.of("type", "string", "minLength", 1))),
                "presentation",
                Map.of("labels", Map.of("/zweck", "Verwendungszweck")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(valid)
                .post("/services/meldebescheinigung/form/versions")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
        given().get("/services/meldebescheinigung/form").then().statusCode(200).body("version", equalTo(2));
        given().get("/services/meldebescheinigung/form/versions/1")
                .then()
                .statusCode(200)
                .body("schema.title", equalTo("Antrag auf eine Meldebescheinigung"))
                .header("Cache-Control", Matchers.containsString("immutable"));
    }

    @Test
    void responsibilityAndAvailabilityAreAdministered() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("authorityId", "stadt-dortmund"))
                .put("/responsibility/vergabe/05913000")
                .then()
                .statusCode(204);
        given().queryParam("service", "vergabe")
                .queryParam("ags", "05913000")
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("authority.id", equalTo("stadt-dortmund"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "planned", "note", "ab 2027"))
                .put("/authorities/stadt-dortmund/availability/vergabe")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "sometimes"))
                .put("/authorities/stadt-dortmund/availability/vergabe")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("authorityId", "stadt-nirgendwo"))
                .put("/responsibility/vergabe/05913000")
                .then()
                .statusCode(404);
    }

    @Test
    void anAuthorityIsCreatedWithItsBrandingAndBadColoursAreRefused() {
        Map<String, Object> authority = new HashMap<>(Map.of(
                "id",
                "kreis-demo",
                "name",
                "Demo-Kreis",
                "kind",
                "Kreis",
                "agsCodes",
                List.of("05954000"),
                "referencePrefix",
                "DK",
                "primaryColor",
                "#123456",
                "secondaryColor",
                "#abcdef"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(authority)
                .put("/authorities/kreis-demo")
                .then()
                .statusCode(201)
                .body("branding.primaryColor", equalTo("#123456"));
        authority.put("primaryColor", "blue");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(authority)
                .put("/authorities/kreis-demo")
                .then()
                .statusCode(422)
                .body("violations.pointer", hasItem("/primaryColor"))
                .body("violations.find { it.pointer == '/primaryColor' }.keyword", equalTo("pattern"))
                .body("violations.find { it.pointer == '/primaryColor' }.message", equalTo("Eine Farbe als #rrggbb."))
                .body("violations.find { it.pointer == '/primaryColor' }.messageEn", equalTo("A colour as #rrggbb."));
        authority.put("primaryColor", "#123456");
        authority.put("name", " ");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(authority)
                .put("/authorities/kreis-demo")
                .then()
                .statusCode(422)
                .body("violations.pointer", equalTo(List.of("/name")))
                .body("violations[0].keyword", equalTo("required"))
                .body("violations[0].message", equalTo("Bitte machen Sie hier eine Angabe."))
                .body("violations[0].messageEn", equalTo("Please provide a value."));
    }

    @Test
    void publicReadsCanBeRevalidatedWithTheirEtag() {
        String etag = given().get("/services/wohngeld")
                .then()
                .statusCode(200)
                .header("Cache-Control", Matchers.containsString("max-age"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag).get("/services/wohngeld").then().statusCode(304);
    }

    private static Map<String, Object> service(String key, String name, String topic, String leikaId) {
        Map<String, Object> service = new HashMap<>(Map.of(
                "key",
                key,
                "name",
                name,
                "handling",
                "online",
                "minimumTrustLevel",
                "substantial",
                "booster",
                false,
                "efa",
                false,
                "synonyms",
                List.of("Hundehaltung")));
        service.put("topic", topic);
        if (leikaId != null) {
            service.put("leika", List.of(Map.of("leikaId", leikaId, "name", name + " Anmeldung", "type", "1")));
        }
        return service;
    }
}
