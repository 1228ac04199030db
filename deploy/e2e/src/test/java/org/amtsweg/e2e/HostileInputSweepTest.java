package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's own hostile client: reads each running service's OpenAPI document, finds every
 * operation with a body or a parameter, and sends it mutations — wrong types, nulls, NUL, lone
 * surrogates and XML-forbidden characters inside strings, 10,000-deep nesting, non-finite numbers,
 * unreadable JSON, malformed multipart and form encoding, oversize bodies with and without a
 * Content-Length. Every answer must be below 500; every refusal a problem (the gateway's OAuth
 * endpoints answer RFC 6749 errors, its pages HTML) naming no class, package or library; whatever no
 * service may accept must be refused; and each service must still be ready afterwards.
 */
@ExtendWith(RunningPlatform.class)
class HostileInputSweepTest {

    private static final Pattern INTERNAL_NAMES = Pattern.compile(
            "(?:\\b(?:org|com|io|java|javax|jakarta|sun)\\.[a-z][a-z0-9_]*\\.)|Exception\\b|\\$[A-Z][A-Za-z]+|\\bat [a-z]+\\.[a-z]+\\.");
    /** Above every service's body limit (application-service accepts 20 MB for its documents). */
    private static final int OVERSIZE = 24 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void theIdentityGatewayRefusesEveryHostileInputWithoutFailing() throws Exception {
        sweep("identity-gateway", Platform.IDENTITY, null, Map.of(), true);
    }

    /** The administration of staff and procedure clients, as the operator's identity management calls it. */
    @Test
    void theGatewaysAdministrationRefusesEveryHostileInputWithoutFailing() throws Exception {
        String scim = given().baseUri(Platform.url(Platform.IDENTITY))
                .formParams(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "scim-operator",
                        "client_secret",
                        "local-scim-operator-secret"))
                .post("/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        sweep("identity-gateway", Platform.IDENTITY, scim, Map.of(), true);
    }

    @Test
    void theCatalogueRefusesEveryHostileInputWithoutFailing() throws Exception {
        String admin = Journeys.token("admin", "Amtsweg-Admin-2026");
        // Keys of nothing that exists: a probe that is accepted creates nothing another test counts on.
        sweep(
                "catalog-service",
                Platform.CATALOG,
                admin,
                Map.of("key", "hostile-probe", "id", "hostile-probe", "service", "wohngeld", "ags", "05914000"),
                false);
    }

    @Test
    void intakeRefusesEveryHostileInputWithoutFailing() throws Exception {
        // Jonas of Hagen, whom no other journey uses: the probes only ever touch his own draft.
        String citizen = Journeys.token("jonas", "123456");
        String draft = given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(citizen)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        sweep(
                "application-service",
                Platform.APPLICATION,
                citizen,
                Map.of("id", draft, "applicationId", draft, "service", "wohngeld", "ags", "05914000"),
                false);
    }

    @Test
    void theCaseServiceRefusesEveryHostileInputWithoutFailing() throws Exception {
        String clerk = Journeys.token("clerk.hagen", "Hagen-Demo-2026");
        sweep(
                "case-service",
                Platform.CASE,
                clerk,
                Map.of("id", UUID.randomUUID().toString()),
                false);
    }

    /** The usage report, as the operator reads it: every authority's figures, any month, JSON or CSV. */
    @Test
    void theUsageReportRefusesEveryHostileInputWithoutFailing() throws Exception {
        String operator = Journeys.token("admin", "Amtsweg-Admin-2026");
        sweep("usage-service", Platform.USAGE, operator, Map.of("month", "2026-12", "authority", "stadt-hagen"), false);
    }

    /**
     * The problem types are one contract across the platform: a type two services publish (the platform's,
     * or {@code no-responsibility}, which intake passes on from the catalogue) has the same status and title
     * in both.
     */
    @Test
    void everyServicePublishesTheSharedProblemTypesAlike() throws Exception {
        Map<String, Map<String, String>> byService = new TreeMap<>();
        for (int port :
                new int[] {Platform.IDENTITY, Platform.CATALOG, Platform.APPLICATION, Platform.CASE, Platform.USAGE}) {
            byService.put(
                    Platform.url(port),
                    published(ApiOperation.of(http, Platform.url(port)).get(0).components()));
        }
        Map<String, String> first = new HashMap<>();
        List<String> contradictions = new ArrayList<>();
        byService.forEach((service, types) -> types.forEach((type, statusAndTitle) -> {
            String earlier = first.putIfAbsent(type, statusAndTitle);
            if (earlier != null && !earlier.equals(statusAndTitle)) {
                contradictions.add(
                        service + " publishes " + type + " as " + statusAndTitle + ", another service as " + earlier);
            }
        }));
        assertThat(contradictions).isEmpty();
        assertThat(byService.values())
                .allSatisfy(types -> assertThat(types)
                        .containsKeys(
                                "https://amtsweg.org/problems/validation-failed",
                                        "https://amtsweg.org/problems/invalid-parameter",
                                "https://amtsweg.org/problems/not-found",
                                        "https://amtsweg.org/problems/internal-error"));
        assertThat(byService
                        .get(Platform.url(Platform.APPLICATION))
                        .get("https://amtsweg.org/problems/no-responsibility"))
                .isEqualTo(byService
                        .get(Platform.url(Platform.CATALOG))
                        .get("https://amtsweg.org/problems/no-responsibility"));
    }

    /** The problem types an OpenAPI document publishes (components.responses), type URI to "status title". */
    private static Map<String, String> published(JsonNode components) {
        Map<String, String> types = new HashMap<>();
        components.path("responses").forEach(response -> {
            JsonNode constants = response.path("content")
                    .path("application/problem+json")
                    .path("schema")
                    .path("allOf")
                    .path(1)
                    .path("properties");
            if (constants.has("type")) {
                types.put(
                        constants.path("type").path("const").asText(),
                        constants.path("status").path("const").asInt() + " "
                                + constants.path("title").path("const").asText());
            }
        });
        return types;
    }

    private void sweep(String service, int port, String token, Map<String, String> knownValues, boolean gateway)
            throws Exception {
        String base = Platform.url(port);
        List<ApiOperation> operations = ApiOperation.of(http, base);
        Map<String, String> problemTypes = published(operations.get(0).components());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        boolean oversizeSent = false;
        for (ApiOperation operation : operations) {
            if (operation.path().startsWith("/q/")) {
                continue;
            }
            List<HostileProbe> probes = new ArrayList<>(HostileProbes.of(operation, knownValues));
            if (!oversizeSent && (operation.takesJson() || operation.takesForm())) {
                String target = HostileProbes.target(
                        operation.path(), Map.copyOf(pathValues(operation, knownValues)), Map.of());
                byte[] huge = new byte[OVERSIZE];
                Arrays.fill(huge, (byte) ' ');
                probes.add(new HostileProbe(
                        "oversize body with Content-Length",
                        true,
                        operation.method(),
                        target,
                        operation.bodyType(),
                        huge));
                probes.add(new HostileProbe(
                        "oversize body, chunked", true, operation.method(), target, operation.bodyType(), huge, true));
                oversizeSent = true;
            }
            for (HostileProbe probe : probes) {
                sent++;
                String failure = check(base, token, operation, probe, gateway, problemTypes);
                if (failure != null) {
                    failures.add(operation + " — " + probe.name() + ": " + failure);
                }
            }
        }
        HttpResponse<String> ready = http.send(
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf(
                "[hostile sweep] %s: %d operations, %d hostile requests, %d failures%n",
                service, operations.size(), sent, failures.size());
        assertThat(failures).as(service + ": hostile requests answered wrongly").isEmpty();
        assertThat(sent).as(service + ": the sweep found operations to probe").isGreaterThan(20);
        assertThat(ready.statusCode())
                .as(service + " still ready after the sweep")
                .isEqualTo(200);
    }

    private static Map<String, String> pathValues(ApiOperation operation, Map<String, String> known) {
        Map<String, String> values = new HashMap<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.in())) {
                values.put(
                        parameter.name(),
                        known.getOrDefault(parameter.name(), Example.parameter(operation, parameter.schema())));
            }
        }
        return values;
    }

    /** Null when the answer is right for the probe, else what is wrong with it. */
    private String check(
            String base,
            String token,
            ApiOperation operation,
            HostileProbe probe,
            boolean gateway,
            Map<String, String> problemTypes)
            throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery())).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : probe.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(probe.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.method(), body);
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // A service may close the connection on an oversize body before it has all been sent; the
            // client then cannot read the 413 it wrote. Nothing else may end a request like that.
            return probe.name().startsWith("oversize") ? null : "no answer (" + closed.getMessage() + ")";
        }
        int status = answer.statusCode();
        if (status >= 500) {
            return "answered " + status + " " + abbreviated(answer.body());
        }
        if (probe.mustRefuse() && status < 400) {
            return "accepted (" + status + ")";
        }
        if (status < 400) {
            return null;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        boolean problem = type.startsWith("application/problem+json");
        boolean oauthError =
                gateway && type.startsWith("application/json") && answer.body().contains("\"error\"");
        boolean page = gateway && type.startsWith("text/html");
        // SCIM prescribes its own error document (RFC 7644 section 3.12), which identity management systems read.
        boolean scimError = gateway
                && probe.pathAndQuery().startsWith("/scim/v2")
                && type.startsWith("application/scim+json")
                && answer.body().contains("urn:ietf:params:scim:api:messages:2.0:Error");
        if (!problem && !oauthError && !page && !scimError) {
            return "answered " + status + " as '" + type + "', not as a problem: " + abbreviated(answer.body());
        }
        if (INTERNAL_NAMES.matcher(answer.body()).find()) {
            return "names internals: " + abbreviated(answer.body());
        }
        return problem ? unpublished(answer, problemTypes) : null;
    }

    /** Null when the problem is of a type the service's OpenAPI document publishes, with that type's status and title. */
    private static String unpublished(HttpResponse<String> answer, Map<String, String> problemTypes) {
        JsonNode problem;
        try {
            problem = new ObjectMapper().readTree(answer.body());
        } catch (IOException unreadable) {
            return "a problem that is no JSON: " + abbreviated(answer.body());
        }
        String type = problem.path("type").asText("about:blank");
        String statusAndTitle = problemTypes.get(type);
        if (statusAndTitle == null) {
            return "answered the type " + type + ", which its OpenAPI document does not publish: "
                    + abbreviated(answer.body());
        }
        String sent = answer.statusCode() + " " + problem.path("title").asText();
        return statusAndTitle.equals(sent)
                ? null
                : "answered " + type + " as " + sent + ", published as " + statusAndTitle;
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
