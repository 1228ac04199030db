package org.amtsweg.application.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.application.CatalogDouble;
import org.amtsweg.application.Documents;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.application.intake.DraftExpiry;
import org.amtsweg.events.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The council's funnel: four drafts a citizen starts — one left untouched, one saved halfway, one submitted, one
 * saved once and then abandoned until the expiry deleted it — show up in the month's report of their authority
 * as started, saved, submitted, abandoned and open, and per form step where each got and where it stopped.
 * Measured as differences, since the module's other tests start drafts in the same month and authority.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDouble.class)
class FunnelReportTest {

    private static final String ERIKA = TestTokens.erika("high");
    private static final String HAGEN_ADMIN = TestTokens.staff("admin.hagen", "stadt-hagen", "admin");
    private static final String DORTMUND_ADMIN = TestTokens.staff("admin.dortmund", "stadt-dortmund", "admin");
    private static final String OPERATOR = TestTokens.staff("admin", "amtsweg", "admin");

    @Inject
    DraftExpiry expiry;

    @Inject
    Pool pool;

    @Test
    void theDraftsOfTheMonthAppearWhereTheyGotAndWhereTheyStopped() {
        String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        JsonPath before = funnel(HAGEN_ADMIN, month, null);

        draft(); // untouched: nothing entered
        String halfway = draft();
        save(
                halfway,
                Map.of(
                        "antragsteller",
                        WohngeldApplication.complete().get("antragsteller"),
                        "wohnung",
                        WohngeldApplication.complete().get("wohnung")));
        String submitted = draft();
        save(submitted, WohngeldApplication.complete());
        given().auth()
                .oauth2(ERIKA)
                .multiPart("kind", "mietbescheinigung")
                .multiPart("file", "miete.pdf", Documents.pdf(), "application/pdf")
                .post("/applications/" + submitted + "/attachments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ERIKA)
                .post("/applications/" + submitted + "/submit")
                .then()
                .statusCode(200);
        String abandoned = draft();
        save(abandoned, Map.of("antragsteller", WohngeldApplication.complete().get("antragsteller")));
        pool.preparedQuery("UPDATE application SET updated_at = now() - interval '31 days' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(abandoned)))
                .await()
                .indefinitely();
        assertThat(expiry.expire().await().indefinitely()).isGreaterThanOrEqualTo(1);

        JsonPath after = funnel(HAGEN_ADMIN, month, null);
        assertThat(after.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(after.getString("draftRetention")).isEqualTo("PT720H");
        assertThat(after.getList("authorities.authorityId")).containsExactly("stadt-hagen");
        String service = "authorities[0].services.find { it.serviceKey == 'wohngeld' }.";
        assertThat(delta(before, after, service + "started")).isEqualTo(4);
        assertThat(delta(before, after, service + "saved")).isEqualTo(3);
        assertThat(delta(before, after, service + "submitted")).isEqualTo(1);
        assertThat(delta(before, after, service + "abandoned")).isEqualTo(1);
        assertThat(delta(before, after, service + "open")).isEqualTo(2);

        List<String> titles = after.getList(service + "steps.title");
        assertThat(titles).startsWith("Noch nichts eingegeben", "Antragstellende Person", "Wohnung");
        assertThat(titles).hasSize(7).endsWith("Erklärungen");
        String step = service + "steps.find { it.step == %d }.";
        assertThat(delta(before, after, step.formatted(0) + "reached")).isEqualTo(4);
        assertThat(delta(before, after, step.formatted(0) + "open")).isEqualTo(1);
        assertThat(delta(before, after, step.formatted(1) + "reached")).isEqualTo(3);
        assertThat(delta(before, after, step.formatted(1) + "abandoned")).isEqualTo(1);
        assertThat(delta(before, after, step.formatted(2) + "reached")).isEqualTo(2);
        assertThat(delta(before, after, step.formatted(2) + "open")).isEqualTo(1);
        assertThat(delta(before, after, step.formatted(3) + "reached")).isEqualTo(1);
        assertThat(delta(before, after, step.formatted(6) + "reached")).isEqualTo(1);

        // The operator reads Hagen's by name, and sees it among all; a month without drafts is empty.
        assertThat(funnel(OPERATOR, month, "stadt-hagen").getInt(service + "started"))
                .isEqualTo(after.getInt(service + "started"));
        assertThat(funnel(OPERATOR, month, null).getList("authorities.authorityId"))
                .contains("stadt-hagen");
        assertThat(funnel(HAGEN_ADMIN, "2001-01", null).getList("authorities")).isEmpty();
    }

    @Test
    void onlyAdministratorsReadItAndAnAuthoritysOnlyItsOwn() {
        String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        given().queryParam("month", month).get("/reports/funnel").then().statusCode(401);
        given().auth()
                .oauth2(ERIKA)
                .queryParam("month", month)
                .get("/reports/funnel")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .queryParam("month", month)
                .get("/reports/funnel")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://amtsweg.org/problems/forbidden"));
        given().auth()
                .oauth2(DORTMUND_ADMIN)
                .queryParam("month", month)
                .queryParam("authority", "stadt-hagen")
                .get("/reports/funnel")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://amtsweg.org/problems/other-authority"));
        assertThat(funnel(DORTMUND_ADMIN, month, null).getList("authorities.authorityId"))
                .doesNotContain("stadt-hagen");
        given().auth()
                .oauth2(TestTokens.staff("admin.nowhere", null, "admin"))
                .queryParam("month", month)
                .get("/reports/funnel")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://amtsweg.org/problems/no-authority"));
    }

    @Test
    void aMonthThatIsNoneIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"2026-13", "2026-1", "Dezember", ""}) {
            given().auth()
                    .oauth2(HAGEN_ADMIN)
                    .queryParam("month", bad)
                    .get("/reports/funnel")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("month"));
        }
        given().auth()
                .oauth2(HAGEN_ADMIN)
                .get("/reports/funnel")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("month"));
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        Number was = before.get(path);
        Number is = after.get(path);
        return (is == null ? 0 : is.longValue()) - (was == null ? 0 : was.longValue());
    }

    private static JsonPath funnel(String token, String month, String authority) {
        var request = given().auth().oauth2(token).queryParam("month", month);
        if (authority != null) {
            request.queryParam("authority", authority);
        }
        return request.get("/reports/funnel")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    private static String draft() {
        return given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void save(String id, Map<String, Object> data) {
        given().auth()
                .oauth2(ERIKA)
                .contentType(ContentType.JSON)
                .body(data)
                .put("/applications/" + id + "/data")
                .then()
                .statusCode(200);
    }
}
