package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The built services start with exactly the environment an overlay's Deployments give them (their ConfigMaps,
 * their profiles, a value for every Secret key they reference), all at once and in no order, against the test
 * run's broker and database. Only addresses are replaced, as a cluster's DNS would resolve
 * them: where the database, the broker and the other services are, on which port each listens, and plain instead
 * of SCRAM over TLS towards the broker and of verified TLS towards the database, which have no such listener here
 * ({@link PostgresTlsTest} checks what the manifests demand of the database connection); nothing else of the process's own
 * environment reaches them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServicesStart {

    private static final int BASE =
            Integer.parseInt(System.getenv().getOrDefault("AMTSWEG_E2E_PORT_BASE", "18080")) + 20;
    private static final Map<String, Integer> PORTS = Map.of(
            "identity-gateway",
            BASE,
            "catalog-service",
            BASE + 1,
            "application-service",
            BASE + 2,
            "case-service",
            BASE + 3,
            "portal",
            BASE + 4,
            "usage-service",
            BASE + 5);
    private static final Map<String, String> PORT_VARIABLES = Map.of(
            "identity-gateway",
            "AMTSWEG_IDENTITY_PORT",
            "catalog-service",
            "AMTSWEG_CATALOG_PORT",
            "application-service",
            "AMTSWEG_APPLICATION_PORT",
            "case-service",
            "AMTSWEG_CASE_PORT",
            "portal",
            "AMTSWEG_PORTAL_PORT",
            "usage-service",
            "AMTSWEG_USAGE_PORT");
    private static final String PG_PORT = System.getenv().getOrDefault("AMTSWEG_TEST_PG_PORT", "15432");
    private static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("AMTSWEG_TEST_KAFKA_PORT", "19092");
    private static final Path LOGS = Repository.ROOT.resolve("deploy/kubernetes-check/target/started");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Map<String, String> secrets = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final RenderedOverlay overlay;
    private final Path logs;

    ServicesStart(String overlay) {
        this.overlay = RenderedOverlay.of(overlay);
        this.logs = LOGS.resolve(overlay);
    }

    @BeforeAll
    void startAllServicesAtOnce() throws IOException, SQLException {
        Files.createDirectories(logs);
        for (String service : Repository.SERVICES) {
            processes.add(start(service));
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void everyServiceBecomesReadyWithTheManifestsConfiguration() {
        for (String service : Repository.SERVICES) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .untilAsserted(() -> {
                        if (!processes.get(Repository.SERVICES.indexOf(service)).isAlive()) {
                            throw new IllegalStateException(service + " exited; see " + logs.resolve(service + ".log"));
                        }
                        HttpResponse<String> ready = get(service, "/q/health/ready", null);
                        assertThat(ready.statusCode())
                                .as("%s ready: %s", service, ready.body())
                                .isEqualTo(200);
                    });
        }
    }

    @Test
    void theGatewayNamesThePublicIssuerAndTheServicesTrustItsTokensThroughItsInternalAddress() throws Exception {
        everyServiceBecomesReadyWithTheManifestsConfiguration();
        String issuer = overlay.configMap("amtsweg-platform").get("AMTSWEG_ISSUER");
        JsonNode discovery =
                RenderedOverlay.YAML.readTree(get("identity-gateway", "/.well-known/openid-configuration", null)
                        .body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(issuer);

        // The case service's own client, with the secret the manifests hand both the gateway and the case service.
        String secret = secrets.get("case-service-client/secret");
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(url("identity-gateway", "/token")))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("case-service:" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=attachments.read"))
                .build();
        HttpResponse<String> token = HTTP.send(tokenRequest, HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken =
                RenderedOverlay.YAML.readTree(token.body()).path("access_token").asText();

        // application-service checks the token's issuer (the public one) with keys fetched from the gateway's
        // in-cluster address: a decided case's notice that does not exist is a 404, not a 401.
        String notice = "/submissions/" + UUID.randomUUID() + "/notice";
        assertThat(get("application-service", notice, null).statusCode()).isEqualTo(401);
        assertThat(get("application-service", notice, accessToken).statusCode()).isEqualTo(404);
    }

    /**
     * A browser asking the portal for a page behind the login, as the ingress forwards it (https, the portal's public
     * host), is sent to the login at the gateway's public address with the portal's callback under that host; and the
     * gateway, configured by the same manifests, accepts exactly that request: its login page, not a refused callback.
     */
    @Test
    void thePortalSendsBrowsersToThePublicLoginWithACallbackTheGatewayHasRegistered() throws Exception {
        everyServiceBecomesReadyWithTheManifestsConfiguration();
        String issuer = overlay.configMap("amtsweg-platform").get("AMTSWEG_ISSUER");
        String portal = overlay.configMap("identity-gateway").get("AMTSWEG_PORTAL_URL");
        for (Map.Entry<String, String> page : Map.of("/antraege", "portal", "/sachbearbeitung", "portal-staff")
                .entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("portal", page.getKey())))
                    .timeout(Duration.ofSeconds(10))
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", URI.create(portal).getHost())
                    .GET()
                    .build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("%s: %s", page.getKey(), answer.body())
                    .isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(issuer + "/authorize?");
            Map<String, String> query = query(URI.create(location));
            assertThat(query).containsEntry("client_id", page.getValue());
            String callback = page.getKey().equals("/antraege") ? "/anmeldung" : "/sachbearbeitung/anmeldung";
            assertThat(query).containsEntry("redirect_uri", portal + callback);
            HttpResponse<String> login = get("identity-gateway", location.substring(issuer.length()), null);
            assertThat(login.statusCode())
                    .as("the gateway's answer to %s: %s", location, login.body())
                    .isEqualTo(200);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private Process start(String service) throws IOException, SQLException {
        ServiceDeployment deployment = ServiceDeployment.of(overlay, service);
        Map<String, String> environment = new HashMap<>(deployment.environment(this::secret));
        // Addresses only: what the cluster's Services and DNS names would resolve to.
        if (ServiceConfiguration.of(service).hasDatabase()) {
            String database = freshDatabase(service);
            environment.put("AMTSWEG_PG_HOST", "127.0.0.1");
            environment.put("AMTSWEG_PG_PORT", PG_PORT);
            environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + PG_PORT + "/" + database);
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database);
            // The test database speaks no TLS and there is no CloudNativePG CA mounted: plain, as towards the broker,
            // and a CA certificate where the mount would be (the pool reads it all the same). What the manifests demand
            // of the connection (verify-full against the mounted CA) is PostgresTlsTest's to check.
            environment.put("AMTSWEG_PG_SSL_MODE", "disable");
            environment.put("AMTSWEG_PG_CA", someCaCertificate().toString());
            environment.put("AMTSWEG_KAFKA", KAFKA);
            environment.put("AMTSWEG_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        }
        environment.put(PORT_VARIABLES.get(service), String.valueOf(PORTS.get(service)));
        environment.replaceAll((name, value) -> inClusterAddressesToLocal(value));

        return ServiceProcess.start(service, environment, logs);
    }

    /** A CA certificate in PEM, standing in for the cluster's: one of the JDK's trusted roots. */
    private Path someCaCertificate() throws IOException {
        Path pem = logs.resolve("postgres-ca.crt");
        if (!Files.exists(pem)) {
            try (InputStream cacerts =
                    Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
                KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
                roots.load(cacerts, null);
                Certificate root = roots.getCertificate(roots.aliases().nextElement());
                Files.writeString(
                        pem,
                        "-----BEGIN CERTIFICATE-----\n"
                                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                        .encodeToString(root.getEncoded())
                                + "\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JDK's trusted roots", e);
            }
        }
        return pem;
    }

    /** http://catalog-service (a Service on port 80) becomes the local port the test started it on. */
    private static String inClusterAddressesToLocal(String value) {
        for (Map.Entry<String, Integer> service : PORTS.entrySet()) {
            if (value.equals("http://" + service.getKey())) {
                return "http://127.0.0.1:" + service.getValue();
            }
        }
        return value;
    }

    /** A value for a Secret's key, the same wherever the manifests reference that key. */
    private String secret(String name, String key) {
        return secrets.computeIfAbsent(name + "/" + key, ignored -> switch (key) {
            case "username" -> "postgres";
            case "password" -> "";
            case "sasl.jaas.config" -> "";
            case "master-key" -> Base64.getEncoder().encodeToString(random(32));
            default -> "k8s-check-" + HexFormat.of().formatHex(random(16));
        });
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    /** An empty database of this check's own, so that nothing of the other tests' data is read or changed. */
    private String freshDatabase(String service) throws SQLException {
        String database = "k8s_check_" + overlay.name() + "_" + service.replace('-', '_');
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        return database;
    }

    private static String url(String service, String path) {
        return "http://127.0.0.1:" + PORTS.get(service) + path;
    }

    private static HttpResponse<String> get(String service, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service, path)))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
