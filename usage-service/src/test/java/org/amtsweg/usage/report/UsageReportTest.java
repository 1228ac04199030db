package org.amtsweg.usage.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.events.RegistryCheckCompleted;
import org.amtsweg.events.Topics;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.TestTokens;
import org.amtsweg.usage.GeneratedMonth;
import org.assertj.core.data.Offset;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The usage report reconciles with a generated month: every application, case, register check, document and
 * staff account published onto the real topics — some delivered twice, among them types the service does not
 * count — appears in the figures exactly once, per authority and service, in JSON and CSV alike; the costs add
 * up to the month's total to the cent; an authority's administrator sees only hers, the operator all.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReportTest {

    private static final CloudEventTopics KAFKA =
            CloudEventTopics.at(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private static final String OPERATOR = TestTokens.staff("admin", "amtsweg", "admin");
    private static final String WITTEN_ADMIN = TestTokens.staff("admin.witten", "stadt-witten", "admin");
    private static final long TOTAL_CENTS = 1_200_000;

    private GeneratedMonth month;
    private String poisonCheck;
    private String unknownTypes;

    @BeforeAll
    void generateAMonth() {
        month = new GeneratedMonth(System.nanoTime(), KAFKA);
        for (String authority : GeneratedMonth.AUTHORITIES) {
            for (String service : GeneratedMonth.SERVICES) {
                // Witten has joined only for Wohngeld.
                if (authority.equals("stadt-witten") && !service.equals("wohngeld")) {
                    continue;
                }
                int applications = 2 + (int) (Math.random() * 3);
                for (int i = 0; i < applications; i++) {
                    month.application(authority, service, month.within());
                }
            }
        }
        // The month's edges are German time: half an hour into it counts (in UTC still the month before), half an
        // hour after it does not (in UTC still this month); a minute before its end counts, a second before its start
        // not.
        month.application("stadt-hagen", "wohngeld", month.month.start().plusSeconds(1800));
        month.application("stadt-hagen", "wohngeld", month.month.end().plusSeconds(1800));
        month.application("stadt-hagen", "wohngeld", month.month.end().minusSeconds(60));
        month.application("stadt-hagen", "wohngeld", month.month.start().minusSeconds(1));

        // Staff accounts: active at the month's end if their latest change before it left them active.
        Instant before = month.month.start().minus(Duration.ofDays(3));
        staff("stadt-hagen", "h1", true, before, null);
        staff("stadt-hagen", "h2", true, before, null);
        staff("stadt-hagen", "h3", false, before, month.within()); // deactivated in the month
        staff(
                "stadt-dortmund",
                "d1",
                true,
                before,
                month.month.end().plusSeconds(3600)); // deactivated after it: still active at its end
        staff("stadt-witten", "w1", true, month.within(), null);
        month.staffChange("stadt-witten", "w2", "created", month.within(), true);
        month.staffChange("stadt-witten", "w2", "deleted", month.month.end().minusSeconds(100), null);
        month.staffChange("stadt-witten", "w3", "created", month.month.end().plusSeconds(10), true); // after the month
        month.otherChange("stadt-witten", month.within());

        // Types this service does not count: acknowledged and ignored, never dead-lettered.
        String someone = UUID.randomUUID().toString();
        unknownTypes = someone;
        KAFKA.publishCloudEvent(
                Topics.APPLICATIONS,
                someone,
                UUID.randomUUID().toString(),
                "ApplicationWithdrawn",
                "urn:amtsweg:test",
                someone,
                "{\"applicationId\":\"" + someone + "\"}");
        KAFKA.publishCloudEvent(
                Topics.CASES, someone, UUID.randomUUID().toString(), "CaseArchived", "urn:amtsweg:test", someone, "{}");

        // A register check that arrives before anything names its application's service counts once its case does.
        month.checkBeforeItsCase("stadt-dortmund", "hundesteuer");

        // Poison: a register check whose data does not fit its contract.
        poisonCheck = UUID.randomUUID().toString();
        KAFKA.publishCloudEvent(
                Topics.CASES,
                poisonCheck,
                UUID.randomUUID().toString(),
                RegistryCheckCompleted.TYPE,
                "urn:amtsweg:test",
                poisonCheck,
                "{\"applicationId\": \"" + poisonCheck + "\", \"completedAt\": [42]}");
    }

    private void staff(String authority, String account, boolean activeAtEnd, Instant created, Instant deactivated) {
        month.staffChange(authority, account, "created", created, true);
        if (deactivated != null) {
            month.staffChange(authority, account, "deactivated", deactivated, false);
        }
        if (activeAtEnd) {
            month.expectedActiveStaff.merge(authority, 1L, Long::sum);
        }
    }

    @Test
    void theOperatorsReportReconcilesWithTheGeneratedMonthAndTheCostsAddUpToTheCent() {
        JsonNode report = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(OPERATOR, null), this::matchesTheMonth);
        assertThat(report.path("month").asText()).isEqualTo(month.month.toString());
        assertThat(report.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(report.path("authorities"))
                .extracting(a -> a.path("authorityId").asText())
                .containsExactlyElementsOf(GeneratedMonth.AUTHORITIES);

        // Totals are the sums of the rows.
        List<String> names = GeneratedMonth.figureNames();
        for (int i = 0; i < names.size(); i++) {
            final int figure = i;
            long expected = month.expected.values().stream()
                    .flatMap(services -> services.values().stream())
                    .mapToLong(f -> f[figure])
                    .sum();
            assertThat(report.path("totals").path("figures").path(names.get(i)).asLong())
                    .as(names.get(i))
                    .isEqualTo(expected);
        }
        assertThat(report.path("totals").path("activeStaffAccounts").asLong()).isEqualTo(4);

        // The allocation: every connected authority, the formula with its inputs, exactly the total.
        JsonNode allocation = report.path("costAllocation");
        assertThat(allocation.path("formula").asText()).contains("baseShare").contains("largest remainder");
        assertThat(allocation.path("monthlyTotalCents").asLong()).isEqualTo(TOTAL_CENTS);
        assertThat(allocation.path("baseShare").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(allocation.path("connectedAuthorities").asInt()).isEqualTo(3);
        long submittedAll =
                GeneratedMonth.AUTHORITIES.stream().mapToLong(month::submitted).sum();
        assertThat(allocation.path("submittedApplications").asLong()).isEqualTo(submittedAll);
        long sum = 0;
        for (JsonNode share : allocation.path("shares")) {
            String authority = share.path("authorityId").asText();
            double exact = TOTAL_CENTS * 0.4 / 3 + TOTAL_CENTS * 0.6 * month.submitted(authority) / submittedAll;
            assertThat((double) share.path("cents").asLong()).as(authority).isCloseTo(exact, Offset.offset(1.0));
            assertThat(share.path("exactCents").decimalValue().doubleValue()).isCloseTo(exact, Offset.offset(0.001));
            sum += share.path("cents").asLong();
        }
        assertThat(sum).isEqualTo(TOTAL_CENTS);
        assertThat(report.path("totals").path("allocatedCents").asLong()).isEqualTo(TOTAL_CENTS);
    }

    @Test
    void theCsvCarriesTheSameFiguresWithAHeaderRow() throws IOException {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(OPERATOR, null), this::matchesTheMonth);
        JsonNode report = json(OPERATOR, null);
        for (Response response : List.of(
                given().auth()
                        .oauth2(OPERATOR)
                        .accept("text/csv")
                        .queryParam("month", month.month.toString())
                        .get("/usage"),
                given().auth()
                        .oauth2(OPERATOR)
                        .queryParam("format", "csv")
                        .queryParam("month", month.month.toString())
                        .get("/usage"))) {
            response.then().statusCode(200).contentType(Matchers.startsWith("text/csv"));
            assertThat(response.header("Content-Disposition")).contains("usage-" + month.month + ".csv");
            String csv = response.asString();
            assertThat(csv.lines().findFirst().orElseThrow())
                    .startsWith("month,scope,authorityId,serviceKey,draftsStarted,");
            List<Map<String, String>> rows = csvRows(csv);
            for (Map<String, String> row : rows) {
                assertThat(row.get("month")).isEqualTo(month.month.toString());
                switch (row.get("scope")) {
                    case "service" -> assertFigures(month.figures(row.get("authorityId"), row.get("serviceKey")), row);
                    case "authority" -> {
                        JsonNode authority = authority(report, row.get("authorityId"));
                        assertThat(Long.parseLong(row.get("allocatedCents")))
                                .isEqualTo(authority.path("allocatedCents").asLong());
                        assertThat(Long.parseLong(row.get("activeStaffAccounts")))
                                .isEqualTo(month.expectedActiveStaff.get(row.get("authorityId")));
                    }
                    case "total" ->
                        assertThat(Long.parseLong(row.get("allocatedCents"))).isEqualTo(TOTAL_CENTS);
                    default -> throw new AssertionError("unknown scope " + row.get("scope"));
                }
            }
            long services =
                    month.expected.values().stream().mapToLong(Map::size).sum();
            assertThat(rows)
                    .filteredOn(row -> row.get("scope").equals("service"))
                    .hasSize((int) services);
            assertThat(rows)
                    .filteredOn(row -> row.get("scope").equals("authority"))
                    .hasSize(3);
            assertThat(rows).filteredOn(row -> row.get("scope").equals("total")).hasSize(1);
        }
    }

    @Test
    void anAuthoritysAdministratorSeesOnlyHerOwnAuthorityAndHerShare() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(OPERATOR, null), this::matchesTheMonth);
        JsonNode operatorView = json(OPERATOR, null);
        JsonNode report = json(WITTEN_ADMIN, null);
        assertThat(report.path("authorities"))
                .extracting(a -> a.path("authorityId").asText())
                .containsExactly("stadt-witten");
        JsonNode witten = report.path("authorities").get(0);
        assertThat(witten.path("services"))
                .extracting(s -> s.path("serviceKey").asText())
                .containsExactly("wohngeld");
        assertThat(witten.path("activeStaffAccounts").asLong()).isEqualTo(1);
        assertThat(report.path("totals")
                        .path("figures")
                        .path("applicationsSubmitted")
                        .asLong())
                .isEqualTo(month.submitted("stadt-witten"));
        assertThat(report.path("costAllocation").path("shares"))
                .extracting(s -> s.path("authorityId").asText())
                .containsExactly("stadt-witten");
        assertThat(report.path("costAllocation")
                        .path("shares")
                        .get(0)
                        .path("cents")
                        .asLong())
                .isEqualTo(authority(operatorView, "stadt-witten")
                        .path("allocatedCents")
                        .asLong());
        // Her own authority by name is the same report; another's is refused.
        assertThat(json(WITTEN_ADMIN, "stadt-witten")).isEqualTo(report);
        given().auth()
                .oauth2(WITTEN_ADMIN)
                .queryParam("month", month.month.toString())
                .queryParam("authority", "stadt-hagen")
                .get("/usage")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/other-authority"));
        // The operator may look at one authority.
        assertThat(json(OPERATOR, "stadt-hagen").path("authorities"))
                .extracting(a -> a.path("authorityId").asText())
                .containsExactly("stadt-hagen");
    }

    @Test
    void nobodyButAnAdministratorReadsTheFigures() {
        given().queryParam("month", "2026-12").get("/usage").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("clerk.hagen", "stadt-hagen", "clerk"))
                .queryParam("month", "2026-12")
                .get("/usage")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.erika("substantial"))
                .queryParam("month", "2026-12")
                .get("/usage")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff("admin.nowhere", null, "admin"))
                .queryParam("month", "2026-12")
                .get("/usage")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amtsweg.org/problems/no-authority"));
    }

    @Test
    void aMonthThatIsNoneIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"2026-13", "2026-1", "12-2026", "2026-12-01", "1999-12", "dezember", ""}) {
            given().auth()
                    .oauth2(OPERATOR)
                    .queryParam("month", bad)
                    .get("/usage")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://amtsweg.org/problems/invalid-parameter"))
                    .body("parameter", equalTo("month"));
        }
        given().auth().oauth2(OPERATOR).get("/usage").then().statusCode(400).body("parameter", equalTo("month"));
        given().auth()
                .oauth2(OPERATOR)
                .queryParam("month", "2026-12")
                .queryParam("format", "xlsx")
                .get("/usage")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("format"));
    }

    @Test
    void aMonthWithoutUsageIsAnEmptyReport() {
        // The generated month lies in 2001 or later; staff it activates stay active in every month after it, and
        // its edge cases reach into the month before. The platform's first month is before all of it.
        JsonNode report = json(OPERATOR, null, "2000-01");
        assertThat(report.path("authorities").size()).isZero();
        assertThat(report.path("costAllocation").path("shares").size()).isZero();
        assertThat(report.path("totals").path("allocatedCents").asLong()).isZero();
    }

    @Test
    void onlyAnEventThatCanNeverBeCountedIsDeadLettered() {
        var parked = KAFKA.recordsMatching(
                "usage-service.cases.dlq", record -> poisonCheck.equals(record.key()), 1, Duration.ofSeconds(60));
        assertThat(parked).hasSize(1);
        assertThat(CloudEventTopics.header(parked.get(0), "dead-letter-reason"))
                .contains("does not match its contract");
        // The types it does not count went nowhere (the dead-letter topics hold other modules' poison, published onto
        // the same broker).
        for (String topic : List.of("usage-service.applications.dlq", "usage-service.cases.dlq")) {
            assertThat(KAFKA.recordsWithKey(topic, unknownTypes, 0, Duration.ofSeconds(2)))
                    .as(topic)
                    .isEmpty();
        }
    }

    private boolean matchesTheMonth(JsonNode report) {
        try {
            for (String authority : GeneratedMonth.AUTHORITIES) {
                JsonNode shown = authority(report, authority);
                if (shown.path("activeStaffAccounts").asLong() != month.expectedActiveStaff.get(authority)) {
                    return false;
                }
                Map<String, long[]> services = month.expected.get(authority);
                if (shown.path("services").size() != services.size()) {
                    return false;
                }
                for (JsonNode service : shown.path("services")) {
                    long[] expected = services.get(service.path("serviceKey").asText());
                    List<String> names = GeneratedMonth.figureNames();
                    for (int i = 0; i < names.size(); i++) {
                        if (expected == null
                                || service.path("figures").path(names.get(i)).asLong() != expected[i]) {
                            return false;
                        }
                    }
                }
            }
            return report.path("authorities").size() == GeneratedMonth.AUTHORITIES.size();
        } catch (AssertionError missing) {
            return false;
        }
    }

    private static void assertFigures(long[] expected, Map<String, String> row) {
        List<String> names = GeneratedMonth.figureNames();
        for (int i = 0; i < names.size(); i++) {
            assertThat(Long.parseLong(row.get(names.get(i))))
                    .as(row.get("authorityId") + "/" + row.get("serviceKey") + " " + names.get(i))
                    .isEqualTo(expected[i]);
        }
    }

    private static JsonNode authority(JsonNode report, String id) {
        for (JsonNode authority : report.path("authorities")) {
            if (authority.path("authorityId").asText().equals(id)) {
                return authority;
            }
        }
        throw new AssertionError("no authority " + id + " in the report");
    }

    private JsonNode json(String token, String authority) {
        return json(token, authority, month.month.toString());
    }

    private static JsonNode json(String token, String authority, String month) {
        var request = given().auth().oauth2(token).accept("application/json").queryParam("month", month);
        if (authority != null) {
            request.queryParam("authority", authority);
        }
        String body = request.get("/usage")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> iterator = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            iterator.forEachRemaining(row -> rows.add(new HashMap<>(row)));
        }
        return rows;
    }
}
