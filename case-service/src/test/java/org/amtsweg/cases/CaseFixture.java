package org.amtsweg.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** Submitted applications as application-service would publish them, and the cases they open. */
public final class CaseFixture {

    public static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String HAGEN_CLERK = TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk");
    /** A second clerk of Hagen, for what happens when two work the same inbox. */
    public static final String HAGEN_COLLEAGUE = TestTokens.staff("kollegin.hagen", "stadt-hagen", "clerk");

    public static final String HAGEN_SUPERVISOR =
            TestTokens.staff("supervisor.hagen", "stadt-hagen", "clerk", "supervisor");
    public static final String DORTMUND_CLERK = TestTokens.staff("clerk.dortmund", "stadt-dortmund", "clerk");

    private CaseFixture() {}

    /** The contract's example ApplicationSubmitted, for another application and applicant. */
    public static String submitted(String applicationId, String given, String family, String birthdate, String street) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example("ApplicationSubmitted"));
            event.put("applicationId", applicationId);
            ObjectNode applicant = (ObjectNode) event.get("applicant");
            applicant.put("givenName", given).put("familyName", family).put("birthdate", birthdate);
            ((ObjectNode) applicant.get("address")).put("streetAddress", street);
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String applicationId, String type, String event) {
        KAFKA.publishCloudEvent(
                "applications",
                applicationId,
                UUID.randomUUID().toString(),
                type,
                "urn:amtsweg:application-service",
                applicationId,
                event);
    }

    /** Publishes Erika's Wohngeld application and waits for its case in Hagen's inbox; returns the case id. */
    public static String openCase(String applicationId) {
        publish(
                applicationId,
                "ApplicationSubmitted",
                submitted(applicationId, "Erika", "Mustermann", "1964-08-12", "Rathausstraße 11"));
        return awaitCase(applicationId);
    }

    public static String awaitCase(String applicationId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            List<Map<String, Object>> items = given().auth()
                                    .oauth2(HAGEN_CLERK)
                                    .queryParam("limit", 200)
                                    .get("/cases")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("items");
                            return items.stream()
                                    .filter(item -> applicationId.equals(item.get("applicationId")))
                                    .map(item -> (String) item.get("id"))
                                    .findFirst()
                                    .orElse(null);
                        },
                        Objects::nonNull);
    }
}
