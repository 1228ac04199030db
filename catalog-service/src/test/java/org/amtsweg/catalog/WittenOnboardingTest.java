package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An administrator connects Stadt Witten (AGS 05954036, Ennepe-Ruhr-Kreis) through the API alone, with no restart: its
 * municipality with postal codes, the authority with its branding, its responsibility and availability for Wohngeld. A
 * citizen of Witten then gets Witten, another portal's mirror follows along, and the operator's trail has every step.
 * Offboarding withdraws the availability and leaves everything readable.
 */
@QuarkusTest
class WittenOnboardingTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITTEN = "05954036";
    private static final String LOGO =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\" aria-label=\"Stadt Witten\">"
                    + "<path d=\"M8 6h48v26c0 14-11 22-24 26C19 54 8 46 8 32z\" fill=\"#006a4e\"/></svg>";

    @Test
    void wittenJoinsLiveAndLeavesWithItsDataReadable() {
        // The broker keeps earlier runs' events: this run's administrator has a name of its own.
        String administrator = "admin-" + Long.toString(System.nanoTime(), 36);
        String admin = TestTokens.staff(administrator, "amtsweg", "admin");
        FeedMirror portal = FeedMirror.mirror();

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Witten", "postalCodes", List.of("58456", "58452", "58453", "58454", "58455")))
                .put("/places/" + WITTEN)
                .then()
                .statusCode(201)
                .body("ags", equalTo(WITTEN))
                .body("postalCodes", equalTo(List.of("58452", "58453", "58454", "58455", "58456")));
        given().queryParam("q", "58453")
                .get("/places")
                .then()
                .statusCode(200)
                .body("items.ags", equalTo(List.of(WITTEN)));
        given().queryParam("q", "Witt").get("/places").then().statusCode(200).body("items.name", hasItem("Witten"));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(witten("stadt-witten", "Stadt Witten – Der Bürgermeister"))
                .put("/authorities/stadt-witten")
                .then()
                .statusCode(201)
                .body("branding.primaryColor", equalTo("#006a4e"))
                .body("branding.logoUrl", equalTo("/authorities/stadt-witten/logo"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("authorityId", "stadt-witten"))
                .put("/responsibility/wohngeld/" + WITTEN)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "online", "since", "2026-12-01", "localTitle", "Wohngeld beantragen in Witten"))
                .put("/authorities/stadt-witten/availability/wohngeld")
                .then()
                .statusCode(204);

        // A citizen of Witten: Witten is responsible, with Witten's name line, colours and logo.
        given().queryParam("service", "wohngeld")
                .queryParam("ags", WITTEN)
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("authority.id", equalTo("stadt-witten"))
                .body("authority.name", equalTo("Stadt Witten"))
                .body("authority.branding.nameLine", equalTo("Stadt Witten – Der Bürgermeister"))
                .body("authority.branding.primaryColor", equalTo("#006a4e"))
                .body("authority.branding.secondaryColor", equalTo("#e6f2ee"));
        given().get("/authorities/stadt-witten/logo")
                .then()
                .statusCode(200)
                .body(containsString("aria-label=\"Stadt Witten\""));
        // Hagen's citizens still get Hagen.
        given().queryParam("service", "wohngeld")
                .queryParam("ags", "05914000")
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("authority.id", equalTo("stadt-hagen"));

        // The feed: Witten offers Wohngeld online, with the portal's deep link for its municipality.
        given().get("/feed/services/wohngeld")
                .then()
                .statusCode(200)
                .body("offers.find { it.authority == 'stadt-witten' }.availability.state", equalTo("online"))
                .body("offers.find { it.authority == 'stadt-witten' }.responsibleFor", equalTo(List.of(WITTEN)))
                .body(
                        "offers.find { it.authority == 'stadt-witten' }.onlineService[0].url",
                        equalTo("http://127.0.0.1:8084/antrag/wohngeld?ags=" + WITTEN));

        // Another portal that mirrored before follows the changes and holds exactly what a fresh mirror holds.
        // The place is not a feed document; the authority is one, and responsibility and availability are Wohngeld's
        // offers.
        assertThat(portal.follow(2)).isEqualTo(3);
        assertThat(portal.followed).contains("authority:stadt-witten", "service:wohngeld");
        FeedMirror fresh = FeedMirror.fresh();
        assertThat(portal.authorities).isEqualTo(fresh.authorities);
        assertThat(portal.services).isEqualTo(fresh.services);

        // Offboarding: the availability is withdrawn; authority, branding and responsibility stay readable for the
        // archive.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "offline", "note", "Angebot beendet"))
                .put("/authorities/stadt-witten/availability/wohngeld")
                .then()
                .statusCode(204);
        given().get("/authorities/stadt-witten")
                .then()
                .statusCode(200)
                .body("branding.nameLine", equalTo("Stadt Witten – Der Bürgermeister"));
        given().get("/authorities/stadt-witten/availability")
                .then()
                .statusCode(200)
                .body("services.find { it.service == 'wohngeld' }.state", equalTo("offline"));
        given().queryParam("service", "wohngeld")
                .queryParam("ags", WITTEN)
                .get("/responsibility")
                .then()
                .statusCode(200)
                .body("authority.id", equalTo("stadt-witten"));
        given().get("/feed/services/wohngeld")
                .then()
                .statusCode(200)
                .body("offers.find { it.authority == 'stadt-witten' }.availability.state", equalTo("offline"))
                .body("offers.find { it.authority == 'stadt-witten' }.onlineService", equalTo(List.of()));
        assertThat(portal.follow(100)).isEqualTo(1);
        assertThat(portal.services).isEqualTo(FeedMirror.fresh().services);

        // The operator's trail: each step an AdministrativeChange of catalog-service, valid against its schema.
        List<JsonNode> trail = trail(administrator, 5);
        trail.forEach(change -> assertThat(EventContracts.violations("AdministrativeChange", change))
                .as(change.toString())
                .isEmpty());
        assertThat(trail).allSatisfy(change -> {
            assertThat(change.path("service").asText()).isEqualTo("catalog-service");
            assertThat(change.path("actor").asText()).isEqualTo(administrator);
        });
        // The place is a catalogue change like the others, announced on the catalog topic too.
        List<ConsumerRecord<String, String>> announced = KAFKA.recordsMatching(
                "catalog",
                record -> WITTEN.equals(record.key())
                        && administrator.equals(
                                read(record.value()).path("changedBy").asText()),
                1,
                Duration.ofSeconds(30));
        assertThat(announced).hasSize(1);
        assertThat(EventContracts.violations("CatalogChanged", announced.get(0).value()))
                .isEmpty();
        assertThat(read(announced.get(0).value()).path("entity").asText()).isEqualTo("PLACE");
        JsonNode place = only(trail, "place", WITTEN);
        assertThat(place.path("action").asText()).isEqualTo("created");
        assertThat(place.path("after").path("postalCodes")).hasSize(5);
        JsonNode authority = only(trail, "authority", "stadt-witten");
        assertThat(authority.path("action").asText()).isEqualTo("created");
        assertThat(authority.path("authority").asText()).isEqualTo("stadt-witten");
        assertThat(authority.path("before").isNull()).isTrue();
        assertThat(authority.path("after").path("primaryColor").asText()).isEqualTo("#006a4e");
        JsonNode responsibility = only(trail, "responsibility", "wohngeld@" + WITTEN);
        assertThat(responsibility.path("after").path("authorityId").asText()).isEqualTo("stadt-witten");
        List<JsonNode> availability = trail.stream()
                .filter(change -> change.path("entity").asText().equals("availability"))
                .toList();
        assertThat(availability)
                .extracting(change -> change.path("action").asText())
                .containsExactly("created", "updated");
        assertThat(availability.get(1).path("before").path("state").asText()).isEqualTo("online");
        assertThat(availability.get(1).path("before").path("since").asText()).isEqualTo("2026-12-01");
        assertThat(availability.get(1).path("after").path("state").asText()).isEqualTo("offline");
        assertThat(availability.get(1).path("authority").asText()).isEqualTo("stadt-witten");
    }

    @Test
    void changingTheBrandingIsAnUpdateWithBeforeAndAfterInTheApisShape() {
        String administrator = "admin-" + Long.toString(System.nanoTime(), 36);
        String admin = TestTokens.staff(administrator, "amtsweg", "admin");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(witten("stadt-witten-probe", "Stadt Witten"))
                .put("/authorities/stadt-witten-probe")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(witten("stadt-witten-probe", "Stadt Witten – Bürgerbüro"))
                .put("/authorities/stadt-witten-probe")
                .then()
                .statusCode(200)
                .body("branding.nameLine", equalTo("Stadt Witten – Bürgerbüro"));
        JsonNode update = trail(administrator, 2).get(1);
        assertThat(update.path("action").asText()).isEqualTo("updated");
        assertThat(update.path("before").path("nameLine").asText()).isEqualTo("Stadt Witten");
        assertThat(update.path("before").path("referencePrefix").asText()).isEqualTo("WIT");
        assertThat(update.path("before").has("name_line")).as("no column names").isFalse();
        assertThat(update.path("before").has("updatedAt")).isFalse();
        assertThat(update.path("after").path("nameLine").asText()).isEqualTo("Stadt Witten – Bürgerbüro");
        assertThat(EventContracts.violations("AdministrativeChange", update)).isEmpty();
    }

    private static Map<String, Object> witten(String id, String nameLine) {
        Map<String, Object> authority = new HashMap<>(Map.of(
                "id",
                id,
                "name",
                "Stadt Witten",
                "kind",
                "Kreisangehörige Stadt",
                "agsCodes",
                id.equals("stadt-witten") ? List.of(WITTEN) : List.of(),
                "referencePrefix",
                "WIT",
                "postalCode",
                "58452",
                "locality",
                "Witten",
                "primaryColor",
                "#006a4e",
                "secondaryColor",
                "#e6f2ee",
                "nameLine",
                nameLine));
        authority.put("logoSvg", LOGO);
        authority.put("website", "https://www.witten.de");
        return authority;
    }

    /** This administrator's AdministrativeChanges on the administration topic, in the order they were published. */
    private static List<JsonNode> trail(String administrator, int atLeast) {
        List<ConsumerRecord<String, String>> records = KAFKA.recordsMatching(
                "administration",
                record -> record.value().contains(administrator)
                        && administrator.equals(
                                read(record.value()).path("actor").asText()),
                atLeast,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(atLeast);
        records.forEach(
                record -> assertThat(CloudEventTopics.header(record, "ce_type")).isEqualTo("AdministrativeChange"));
        return records.stream()
                .sorted(Comparator.comparing(ConsumerRecord::timestamp))
                .map(record -> {
                    JsonNode change = read(record.value());
                    assertThat(CloudEventTopics.header(record, "ce_id"))
                            .isEqualTo(change.path("changeId").asText());
                    assertThat(record.key()).isEqualTo(change.path("entityId").asText());
                    return change;
                })
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode only(List<JsonNode> trail, String entity, String id) {
        List<JsonNode> found = trail.stream()
                .filter(change -> change.path("entity").asText().equals(entity)
                        && change.path("entityId").asText().equals(id))
                .toList();
        assertThat(found).as("%s %s", entity, id).hasSize(1);
        return found.get(0);
    }
}
