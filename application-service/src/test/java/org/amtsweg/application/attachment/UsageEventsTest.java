package org.amtsweg.application.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;
import org.amtsweg.events.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What the usage report counts is announced with the change itself: a started draft ({@code DraftStarted}), a
 * stored and a removed document ({@code DocumentStored}, {@code DocumentRemoved}, with their bytes), each once,
 * keyed by the application, conforming to its contract; a refused upload or a removal of nothing announces nothing.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class UsageEventsTest {

    private static final String ERIKA = TestTokens.erika("high");
    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDraftAndItsDocumentsAreAnnouncedForTheUsageReport() throws Exception {
        String id = given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonNode started = only("DraftStarted", id);
        assertThat(started.path("applicationId").asText()).isEqualTo(id);
        assertThat(started.path("serviceKey").asText()).isEqualTo("wohngeld");
        assertThat(started.path("authorityId").asText()).isEqualTo("stadt-hagen");

        // Refused: no document stored, nothing announced.
        upload(id, "rechnung.pdf", "<html></html>".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415);
        String attachment = upload(id, "miete.pdf", Documents.pdf())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonNode stored = only("DocumentStored", id);
        assertThat(stored.path("attachmentId").asText()).isEqualTo(attachment);
        assertThat(stored.path("bytes").asLong()).isEqualTo(Documents.pdf().length);
        assertThat(stored.path("authorityId").asText()).isEqualTo("stadt-hagen");
        assertThat(stored.path("serviceKey").asText()).isEqualTo("wohngeld");

        given().auth()
                .oauth2(ERIKA)
                .delete("/applications/" + id + "/attachments/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ERIKA)
                .delete("/applications/" + id + "/attachments/" + attachment)
                .then()
                .statusCode(204);
        JsonNode removed = only("DocumentRemoved", id);
        assertThat(removed.path("attachmentId").asText()).isEqualTo(attachment);
        assertThat(removed.path("bytes").asLong()).isEqualTo(Documents.pdf().length);
    }

    /** The one event of the type for the application, conforming to its published schema. */
    private static JsonNode only(String type, String id) throws Exception {
        List<ConsumerRecord<String, String>> records =
                KAFKA.eventsOfType("applications", id, type, 1, Duration.ofSeconds(20));
        assertThat(records).as(type).hasSize(1);
        assertThat(CloudEventTopics.header(records.get(0), "ce_correlationid")).isEqualTo(id);
        assertThat(EventContracts.violations(type, records.get(0).value())).isEmpty();
        return JSON.readTree(records.get(0).value());
    }

    private static Response upload(String id, String fileName, byte[] content) {
        return given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", fileName, content, "application/octet-stream")
                .post("/applications/" + id + "/attachments");
    }
}
