package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hagen's specialist procedure takes a decided Wohngeld case over with its own client's token: it finds
 * the case in its feed, reads the export, fetches the citizen's document exactly as she uploaded it, and
 * confirms the takeover. Dortmund's procedure sees none of it.
 */
@ExtendWith(RunningPlatform.class)
class HandoverToProcedureTest {

    @Test
    void hagensProcedureTakesTheDecidedCaseOverWithItsDocuments() {
        String citizen = Journeys.token("erika", "123456");
        String clerk = Journeys.token("clerk.hagen", "Hagen-Demo-2026");
        String id = Journeys.submittedWohngeld(citizen);
        String caseId = Journeys.awaitCase(clerk, id);
        Journeys.approvedByClerk(clerk, caseId);

        String procedure = clientToken("procedure-stadt-hagen", "local-procedure-hagen-secret");
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(procedure)
                .queryParam("limit", 1000)
                .get("/handover")
                .then()
                .statusCode(200)
                .body("caseId", hasItem(caseId));
        String document = given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(procedure)
                .accept(ContentType.JSON)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(200)
                .body("applicant.familyName", equalTo("Mustermann"))
                .body("attachments[0].kind", equalTo("mietbescheinigung"))
                .extract()
                .path("attachments[0].href");

        // The document the citizen uploaded, byte for byte, fetched through the case service.
        byte[] content = given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(procedure)
                .get(document)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Repr-Digest", startsWith("sha-256=:"))
                .extract()
                .asByteArray();
        assertThat(new String(content, StandardCharsets.US_ASCII)).isEqualTo(Journeys.RENT_CERTIFICATE);

        // The notice, as the citizen received it in her mailbox.
        byte[] notice = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().baseUri(Platform.url(Platform.CASE))
                                .auth()
                                .oauth2(procedure)
                                .get("/cases/" + caseId + "/notice")
                                .then()
                                .extract()
                                .response(),
                        response -> response.statusCode() == 200)
                .asByteArray();
        String noticeId = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .get("/mailbox")
                .then()
                .extract()
                .path("find { it.applicationId == '" + id + "' && it.kind == 'DECISION' }.id");
        byte[] citizensNotice = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .get("/mailbox/" + noticeId + "/notice")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(notice).isEqualTo(citizensNotice);

        String dortmund = clientToken("procedure-stadt-dortmund", "local-procedure-dortmund-secret");
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(dortmund)
                .get(document)
                .then()
                .statusCode(404);
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(dortmund)
                .get("/cases/" + caseId + "/export")
                .then()
                .statusCode(404);

        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(procedure)
                .post("/cases/" + caseId + "/handover")
                .then()
                .statusCode(204);
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(procedure)
                .queryParam("limit", 1000)
                .get("/handover")
                .then()
                .body("caseId", not(hasItem(caseId)));
        given().baseUri(Platform.url(Platform.CASE))
                .auth()
                .oauth2(clerk)
                .get("/cases/" + caseId)
                .then()
                .body("status", equalTo("HANDED_OVER"));
    }

    private static String clientToken(String clientId, String secret) {
        return given().baseUri(Platform.url(Platform.IDENTITY))
                .auth()
                .preemptive()
                .basic(clientId, secret)
                .formParam("grant_type", "client_credentials")
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
