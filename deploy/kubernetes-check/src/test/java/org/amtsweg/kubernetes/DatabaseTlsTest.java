package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link PostgresTlsTest} reads in the manifests, tried against a real server. A PostgreSQL with TLS on, its
 * certificate (for the host name {@code localhost} only) signed by a CA of this test's own, and its {@code pg_hba.conf}
 * composed as CloudNativePG composes it: the Cluster's own rules from the rendered overlay, then CloudNativePG's
 * default password rule. usage-service, started with the production overlay's environment (only the database's
 * address and the mounted CA's path replaced), reaches it with Flyway's JDBC connection and its reactive pool, over
 * TLS only; a connection without TLS is refused; a server whose certificate another CA signed, or whose certificate
 * names another host, is not trusted, so the service does not start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseTlsTest {

    private static final String SERVICE = "usage-service";
    private static final String DATABASE = "amtsweg_usage";
    private static final int BASE =
            Integer.parseInt(System.getenv().getOrDefault("AMTSWEG_E2E_PORT_BASE", "18080")) + 30;
    private static final int SERVICE_PORT = BASE;
    private static final int PG_PORT = BASE + 1;
    private static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("AMTSWEG_TEST_KAFKA_PORT", "19092");
    private static final Path DIRECTORY = Repository.ROOT.resolve("deploy/kubernetes-check/target/database-tls");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String password = randomHex(16);
    private final List<Process> started = new ArrayList<>();
    private final RenderedOverlay overlay = RenderedOverlay.of("production");
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgresWithTls() throws IOException, SQLException, InterruptedException {
        Files.createDirectories(DIRECTORY);
        certificateAuthority("ca", "Amtsweg test CA");
        certificateAuthority("stranger", "Some other CA");
        Files.writeString(
                DIRECTORY.resolve("server.ext"),
                "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n"
                        + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n");
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        openssl(
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-out",
                "server.crt",
                "-extfile",
                "server.ext");

        List<String> hba = new ArrayList<>();
        // The test's own door for setting up, as CloudNativePG's operator has its "local all all peer".
        hba.add("host all postgres 127.0.0.1/32 trust");
        overlay.get("Cluster", "amtsweg-db")
                .path("spec")
                .path("postgresql")
                .path("pg_hba")
                .forEach(rule -> hba.add(rule.asText()));
        hba.add("host all all all scram-sha-256");
        Files.write(DIRECTORY.resolve("pg_hba.conf"), hba);

        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(DIRECTORY.resolve("data"))
                .setCleanDataDirectory(true)
                .setPort(PG_PORT)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("ssl", "on")
                .setServerConfig(
                        "ssl_cert_file", DIRECTORY.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", DIRECTORY.resolve("server.key").toString())
                .setServerConfig("hba_file", DIRECTORY.resolve("pg_hba.conf").toString())
                .start();
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + DATABASE + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + DATABASE);
        }
    }

    @AfterEach
    void stopTheService() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        started.clear();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServiceBecomesReadyWithEveryConnectionOverVerifiedTls() throws Exception {
        Process service = start("localhost", DIRECTORY.resolve("ca.crt"), "verified");
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> {
                    assertThat(service.isAlive())
                            .as("%s exited; see %s", SERVICE, DIRECTORY.resolve("verified/" + SERVICE + ".log"))
                            .isTrue();
                    HttpResponse<String> ready = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORT + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                });

        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            ResultSet connections =
                    statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE s.ssl) FROM pg_stat_activity a"
                            + " JOIN pg_stat_ssl s USING (pid) WHERE a.usename = '" + DATABASE + "'");
            connections.next();
            assertThat(connections.getInt(1)).as("the pool's open connections").isPositive();
            assertThat(connections.getInt(2)).as("of them over TLS").isEqualTo(connections.getInt(1));
        }
        try (Connection asTheService = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + PG_PORT + "/" + DATABASE, DATABASE, password);
                Statement statement = asTheService.createStatement()) {
            // Flyway's history, written over TLS (no other way in for this role): the service's schema is complete.
            ResultSet applied = statement.executeQuery("SELECT bool_and(success), count(*) FROM flyway_schema_history");
            applied.next();
            assertThat(applied.getBoolean(1)).isTrue();
            assertThat(applied.getInt(2)).isPositive();
        }
    }

    @Test
    void aConnectionWithoutTlsIsRefused() {
        Properties plain = new Properties();
        plain.setProperty("user", DATABASE);
        plain.setProperty("password", password);
        plain.setProperty("sslmode", "disable");
        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + PG_PORT + "/" + DATABASE, plain)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("pg_hba.conf rejects connection")
                .hasMessageContaining("no encryption");
    }

    @Test
    void aServerCertifiedByAnotherCaIsNotTrusted() throws Exception {
        assertDoesNotStart(start("localhost", DIRECTORY.resolve("stranger.crt"), "stranger-ca"), "stranger-ca");
    }

    @Test
    void aServerCertifiedForAnotherHostNameIsNotTrusted() throws Exception {
        // The same server and CA, reached by its address: its certificate names only localhost.
        assertDoesNotStart(start("127.0.0.1", DIRECTORY.resolve("ca.crt"), "other-host"), "other-host");
    }

    private void assertDoesNotStart(Process service, String run)
            throws InterruptedException, IOException, SQLException {
        assertThat(service.waitFor(2, TimeUnit.MINUTES))
                .as("%s gave up", SERVICE)
                .isTrue();
        assertThat(service.exitValue()).isNotZero();
        String log = Files.readString(DIRECTORY.resolve(run).resolve(SERVICE + ".log"), StandardCharsets.UTF_8);
        // The reason is in the log, for whoever finds the pod restarting.
        assertThat(log)
                .as("why it stopped")
                .contains("Failed to start")
                .containsAnyOf("PKIX path building failed", "could not be verified");
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            ResultSet history =
                    statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + DATABASE + "'");
            history.next();
            assertThat(history.getInt(1))
                    .as("connections the refused service holds")
                    .isZero();
        }
    }

    /** usage-service with the overlay's environment; only where the database is and where its CA is mounted replaced. */
    private Process start(String host, Path ca, String run) throws IOException {
        Map<String, String> environment =
                new HashMap<>(ServiceDeployment.of(overlay, SERVICE).environment((secret, key) -> switch (key) {
                    case "username" -> DATABASE;
                    case "password" -> password;
                    case "sasl.jaas.config" -> "";
                    default -> "tls-check-" + randomHex(8);
                }));
        assertThat(environment)
                .containsEntry("AMTSWEG_PG_HOST", "amtsweg-db-rw")
                .doesNotContainKey("AMTSWEG_PG_SSL_MODE");
        environment.put("AMTSWEG_PG_HOST", host);
        environment.put("AMTSWEG_PG_PORT", String.valueOf(PG_PORT));
        environment.put("AMTSWEG_PG_CA", ca.toString());
        environment.put("AMTSWEG_USAGE_PORT", String.valueOf(SERVICE_PORT));
        environment.put("AMTSWEG_KAFKA", KAFKA);
        environment.put("AMTSWEG_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        Process process = ServiceProcess.start(SERVICE, environment, DIRECTORY.resolve(run));
        started.add(process);
        return process;
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres?sslmode=disable", "postgres", "");
    }

    private static void certificateAuthority(String name, String commonName) throws IOException, InterruptedException {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process openssl = new ProcessBuilder(command)
                .directory(DIRECTORY.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
