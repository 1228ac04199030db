package org.amtsweg.application.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** With a clamd configured, every upload is scanned; an infected document is refused and not stored. */
@QuarkusTest
@TestProfile(VirusScanTest.WithClamd.class)
@QuarkusTestResource(CatalogDouble.class)
class VirusScanTest {

    /** Points intake at a server speaking clamd's protocol. */
    public static class WithClamd implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Daemon.class));
        }
    }

    /** Runs the clamd protocol server for the profile. */
    public static class Daemon implements QuarkusTestResourceLifecycleManager {
        private ClamdProtocolServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = new ClamdProtocolServer();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "amtsweg.intake.clamd.host",
                    "127.0.0.1",
                    "amtsweg.intake.clamd.port",
                    String.valueOf(server.port()),
                    "mp.messaging.incoming.cases-in.group.id",
                    "application-service-test-clamd");
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException ignored) {
                // The test is over either way.
            }
        }
    }

    @Test
    void anInfectedDocumentIsRefusedAndACleanOneStored() {
        String erika = TestTokens.erika("high");
        String id = given().auth()
                .oauth2(erika)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] infected = new byte[Documents.pdf().length + ClamdProtocolServer.EICAR.length];
        System.arraycopy(Documents.pdf(), 0, infected, 0, Documents.pdf().length);
        System.arraycopy(
                ClamdProtocolServer.EICAR, 0, infected, Documents.pdf().length, ClamdProtocolServer.EICAR.length);
        given().auth()
                .oauth2(erika)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", infected, "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://amtsweg.org/problems/malware-found"));
        given().auth()
                .oauth2(erika)
                .get("/applications/" + id + "/attachments")
                .then()
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(erika)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
    }
}
