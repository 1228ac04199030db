package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.amtsweg.catalog.feed.FeedCursor;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Portalverbund feed as another portal uses it: documents valid against the published schemas, revalidation, the change feed's cursor. */
@QuarkusTest
class FeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final String BASE = "https://amtsweg.org/schemas/feed/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    mappers -> mappers.mapPrefix(BASE, "classpath:META-INF/resources/schemas/feed/")));

    @Test
    void everyDocumentOfTheFeedFitsItsPublishedSchema() {
        JsonNode services = FeedMirror.get("/feed/services");
        assertThat(violations("services", services)).isEmpty();
        assertThat(services.path("services").size()).isGreaterThanOrEqualTo(35);
        assertThat(violations("authorities", FeedMirror.get("/feed/authorities")))
                .isEmpty();
        assertThat(violations("service", FeedMirror.get("/feed/services/schwerbehindertenausweis")))
                .isEmpty();
        assertThat(violations("authority", FeedMirror.get("/feed/authorities/stadt-hagen")))
                .isEmpty();
        assertThat(violations("changes", FeedMirror.get("/feed/changes"))).isEmpty();
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/feed/changes'.get.parameters.name", hasItem("since"))
                .body(
                        "paths.'/feed/services'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("ServicesFeed"));
        // The schemas are served beside the feed, for the other portal to validate against.
        given().get("/schemas/feed/service.schema.json")
                .then()
                .statusCode(200)
                .body("$id", equalTo(BASE + "service.schema.json"));
    }

    @Test
    void aServiceCarriesItsOfficialIdentifiersAndHagensOfferWithTheDeepLink() {
        given().get("/feed/services/schwerbehindertenausweis")
                .then()
                .statusCode(200)
                .body("ozgId", equalTo("10214"))
                .body("leika.leikaId", hasItem("99015007012000"))
                .body("topic", equalTo("Gesundheit"))
                .body("handling.mode", equalTo("external"))
                .body("href", equalTo("/services/schwerbehindertenausweis"));
        given().get("/feed/services/ummeldung")
                .then()
                .statusCode(200)
                .body("offers.find { it.authority == 'stadt-hagen' }.availability.state", equalTo("online"))
                .body(
                        "offers.find { it.authority == 'stadt-hagen' }.authorityHref",
                        equalTo("/feed/authorities/stadt-hagen"))
                .body(
                        "offers.find { it.authority == 'stadt-hagen' }.onlineService[0].url",
                        equalTo("http://127.0.0.1:8084/antrag/ummeldung?ags=05914000"));
        given().get("/feed/authorities/stadt-hagen")
                .then()
                .statusCode(200)
                .body("agsCodes", equalTo(List.of("05914000")))
                .body("branding.logoUrl", equalTo("/authorities/stadt-hagen/logo"))
                .body("branding.primaryColor", equalTo("#00599c"));
        given().get("/feed/services/gibt-es-nicht").then().statusCode(404).contentType("application/problem+json");
        given().get("/feed/authorities/gibt-es-nicht").then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed/services", "/feed/authorities", "/feed/services/wohngeld", "/feed/changes"})
    void aMirrorRevalidatesWithItsEtagAndGets304(String path) {
        var first = given().get(path)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .extract();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .body(emptyString())
                .header("ETag", etag);
        given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
    }

    @Test
    void aServiceChangeReachesTheChangeFeedAndTheOperatorsTrail() {
        String administrator = "admin-" + Long.toString(System.nanoTime(), 36);
        String admin = TestTokens.staff(administrator, "amtsweg", "admin");
        String key = "hundesteuer-" + Long.toString(System.nanoTime(), 36);
        String cursor = FeedMirror.get("/feed/services").path("cursor").asText();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(service(key, "Hundesteuer"))
                .put("/services/" + key)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(service(key, "Hundesteuer (Anmeldung)"))
                .put("/services/" + key)
                .then()
                .statusCode(200);

        JsonNode page = FeedMirror.get("/feed/changes?since=" + cursor);
        assertThat(page.path("since").asText()).isEqualTo(cursor);
        assertThat(page.path("more").asBoolean()).isFalse();
        assertThat(page.path("changes")).hasSize(2);
        page.path("changes").forEach(change -> {
            assertThat(change.path("entity").asText()).isEqualTo("service");
            assertThat(change.path("id").asText()).isEqualTo(key);
            assertThat(change.path("href").asText()).isEqualTo("/feed/services/" + key);
        });
        assertThat(page.path("next").asText())
                .isEqualTo(page.path("changes").get(1).path("cursor").asText());
        given().get(page.path("changes").get(0).path("href").asText())
                .then()
                .statusCode(200)
                .body("name", equalTo("Hundesteuer (Anmeldung)"));
        // Page by page: a full page never changes again, so caches may keep it; the last one is still open.
        given().queryParam("since", cursor)
                .queryParam("limit", 1)
                .get("/feed/changes")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .body("more", equalTo(true))
                .body("changes", Matchers.hasSize(1));
        given().queryParam("since", page.path("next").asText())
                .get("/feed/changes")
                .then()
                .statusCode(200)
                .header("Cache-Control", not(containsString("immutable")))
                .body("more", equalTo(false))
                .body("changes", Matchers.hasSize(0))
                .body("next", equalTo(page.path("next").asText()));

        List<ConsumerRecord<String, String>> records = KAFKA.recordsMatching(
                "administration",
                record -> key.equals(record.key()) && record.value().contains(administrator),
                2,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        List<JsonNode> changes = records.stream()
                .map(record -> read(record.value()))
                .sorted(Comparator.comparing(change -> change.path("action").asText()))
                .toList();
        changes.forEach(change -> assertThat(EventContracts.violations("AdministrativeChange", change))
                .isEmpty());
        assertThat(changes.get(0).path("action").asText()).isEqualTo("created");
        assertThat(changes.get(0).path("entity").asText()).isEqualTo("service");
        assertThat(changes.get(0).path("authority").isNull()).isTrue();
        JsonNode update = changes.get(1);
        assertThat(update.path("action").asText()).isEqualTo("updated");
        // "before" in the shape of PUT /services/{key}, LeiKa entries included, as "after" is.
        assertThat(update.path("before").path("name").asText()).isEqualTo("Hundesteuer");
        assertThat(update.path("before").path("minimumTrustLevel").asText()).isEqualTo("low");
        assertThat(update.path("before").path("leika").get(0).path("leikaId").asText())
                .isEqualTo(update.path("after")
                        .path("leika")
                        .get(0)
                        .path("leikaId")
                        .asText());
        assertThat(update.path("before").path("leika").get(0).path("type").asText())
                .isEqualTo("2/3");
        assertThat(names(update.path("before"))).isEqualTo(names(update.path("after")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "YzE6LTE", "YzE6MDE", "c1:5", "YzE6OTk5OTk5OTk5OTk5", "YzI6MQ"})
    void aCursorThisFeedDidNotIssueIsRefusedNamingTheParameter(String since) {
        given().queryParam("since", since)
                .get("/feed/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/invalid-parameter"))
                .body("parameter", equalTo("since"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "1.5", " 5"})
    void aLimitOutsideOneToAThousandIsRefused(String limit) {
        given().queryParam("limit", limit)
                .get("/feed/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("limit"));
    }

    @Test
    void theCursorIsOpaqueButStable() {
        assertThat(FeedCursor.of(42)).doesNotContain("42").matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.position(FeedCursor.of(42))).contains(42L);
        assertThat(FeedCursor.position(FeedCursor.of(0))).contains(0L);
        assertThat(FeedCursor.position(FeedCursor.of(Long.MAX_VALUE / 10))).contains(Long.MAX_VALUE / 10);
    }

    private static List<String> violations(String document, JsonNode json) {
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + document + ".schema.json")).validate(json).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static Map<String, Object> service(String key, String name) {
        Map<String, Object> service = new HashMap<>(Map.of(
                "key",
                key,
                "name",
                name,
                "topic",
                "Steuern & Zoll",
                "handling",
                "online",
                "minimumTrustLevel",
                "low",
                "leika",
                List.of(Map.of(
                        "leikaId",
                        "99" + String.format("%012d", Math.abs(key.hashCode())),
                        "name",
                        name,
                        "type",
                        "2/3"))));
        service.put("booster", false);
        service.put("efa", false);
        return service;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
