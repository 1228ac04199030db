package org.amtsweg.application.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.events.testing.TestTokens;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Opening and saving drafts, as a citizen's portal does. */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class DraftTest {

    @Test
    void aDraftIsPrefilledFromTheIdentityAndRoutedToTheResponsibleAuthority() {
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .header("Location", Matchers.containsString("/applications/"))
                .body("status", equalTo("DRAFT"))
                .body("authority.id", equalTo("stadt-hagen"))
                .body("formVersion", equalTo(1))
                .body("data.antragsteller.vorname", equalTo("Erika"))
                .body("data.antragsteller.anschrift.postleitzahl", equalTo("58095"))
                .body("prefilled", hasItem("/antragsteller/familienname"));
    }

    @Test
    void theAgsInTheRequestOverridesTheAddress() {
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld", "ags", "05913000"))
                .post("/applications")
                .then()
                .statusCode(201)
                .body("authority.id", equalTo("stadt-dortmund"));
    }

    @Test
    void aLoginBelowTheServicesTrustLevelIsRefusedNamingTheLevel() {
        given().auth()
                .oauth2(TestTokens.erika("substantial"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "ummeldung"))
                .post("/applications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/trust-level-too-low"))
                .body("requiredTrustLevel", equalTo("high"))
                .body("actualTrustLevel", equalTo("substantial"));
    }

    @Test
    void aServiceHandledInPersonPointsToWhereItIsHandled() {
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "personalausweis"))
                .post("/applications")
                .then()
                .statusCode(409)
                .body("handling", equalTo("in-person"))
                .body("url", equalTo("https://www.personalausweisportal.de"));
    }

    @Test
    void nobodyResponsibleIsAClearError() {
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld", "ags", "09162000"))
                .post("/applications")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://amtsweg.org/problems/no-responsibility"))
                .body("title", equalTo("Keine zuständige Behörde / No responsible authority"))
                .body("service", equalTo("wohngeld"))
                .body("ags", equalTo("09162000"));
    }

    @Test
    void badRequestsAreProblemsWithTheField() {
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld", "ags", "Hagen"))
                .post("/applications")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].pointer", equalTo("/ags"));
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body("{not json")
                .post("/applications")
                .then()
                .statusCode(400);
    }

    @Test
    void withoutATokenThereIsNoAccess() {
        given().contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(401);
    }

    @Test
    void staffCannotApply() {
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(403);
    }

    @Test
    void aDraftKeepsPartialDataButRefusesWrongTypes() {
        String id = open();
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("wohnung", Map.of("bruttokaltmiete_eur", 650)))
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200)
                .body("data.wohnung.bruttokaltmiete_eur", equalTo(650));
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("wohnung", Map.of("bruttokaltmiete_eur", "sechshundert")))
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(422)
                .body("violations[0].pointer", equalTo("/wohnung/bruttokaltmiete_eur"))
                .body("violations[0].keyword", equalTo("type"));
        given().auth()
                .oauth2(TestTokens.erika("high"))
                .get("/applications/" + id)
                .then()
                .statusCode(200)
                .body("data.wohnung.bruttokaltmiete_eur", equalTo(650));
    }

    @Test
    void anImpossibleDateIsAViolationAtItsPointerInWordsACitizenReads() {
        String id = open();
        Map<String, Object> data = WohngeldApplication.complete();
        data.put(
                "antragsteller",
                Map.of(
                        "vorname",
                        "Erika",
                        "familienname",
                        "Mustermann",
                        "geburtsdatum",
                        "2023-02-30",
                        "anschrift",
                        Map.of("strasse_hausnummer", "Rathausstraße 11", "postleitzahl", "58095", "ort", "Hagen"),
                        "familienstand",
                        "verheiratet"));
        data.put("wohnung", new HashMap<>((Map<String, Object>) data.get("wohnung")));
        ((Map<String, Object>) data.get("wohnung")).put("einzugsdatum", "2019-13-01");
        String body = given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.pointer", equalTo(List.of("/antragsteller/geburtsdatum", "/wohnung/einzugsdatum")))
                .body("violations.keyword", equalTo(List.of("format", "format")))
                .extract()
                .asString();
        Assertions.assertThat(body)
                .doesNotContain("java.")
                .doesNotContain("LocalDate")
                .doesNotContain("DateTimeParse");
    }

    @Test
    void anImpossibleBirthDateInTheIdentityIsNeitherPrefilledNorFailsTheSubmission() {
        String token = TestTokens.citizen(
                "erika-pseudonym",
                "Erika",
                "Mustermann",
                "1964-02-30",
                "Rathausstraße 11",
                "58095",
                "Hagen",
                "05914000",
                "high");
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .body("prefilled", Matchers.not(hasItem("/antragsteller/geburtsdatum")))
                .body("data.antragsteller.geburtsdatum", Matchers.nullValue())
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(WohngeldApplication.complete())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + id + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anotherCitizensApplicationDoesNotExist() {
        String id = open();
        String max = TestTokens.citizen(
                "max-pseudonym",
                "Max",
                "Mustermann",
                "1978-03-02",
                "Friedensplatz 1",
                "44135",
                "Dortmund",
                "05913000",
                "high");
        given().auth().oauth2(max).get("/applications/" + id).then().statusCode(404);
        given().auth()
                .oauth2(max)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(max)
                .post("/applications/" + id + "/submit")
                .then()
                .statusCode(404);
    }

    private static String open() {
        return given().auth()
                .oauth2(TestTokens.erika("high"))
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
