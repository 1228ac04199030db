package org.amtsweg.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A second instance of the identity gateway, from the same jar, with its own database and port, that
 * plays the upstream provider (the role a Keycloak brokering BundID plays in production).
 */
final class UpstreamGateway implements AutoCloseable {

    private final Process process;

    private UpstreamGateway(Process process) {
        this.process = process;
    }

    static UpstreamGateway start() throws IOException, InterruptedException {
        Path log = Platform.ROOT.resolve("deploy/e2e/target/e2e-run/upstream-gateway.log");
        log.getParent().toFile().mkdirs();
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-Dquarkus.profile=local",
                        "-jar",
                        Platform.ROOT
                                .resolve("identity-gateway/target/quarkus-app/quarkus-run.jar")
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("AMTSWEG_IDENTITY_PORT", String.valueOf(Platform.UPSTREAM));
        env.put("AMTSWEG_ISSUER", Platform.url(Platform.UPSTREAM));
        env.put("AMTSWEG_IDENTITY_DB", "amtsweg_identity_upstream");
        // Another deployment would have a broker of its own; the test broker stands in for it.
        env.put("AMTSWEG_KAFKA", Platform.KAFKA);
        env.put("AMTSWEG_PG_PORT", System.getenv().getOrDefault("AMTSWEG_TEST_PG_PORT", "15432"));
        env.put("AMTSWEG_PSEUDONYM_SECRET", "upstream-pseudonym-secret");
        env.put("AMTSWEG_DOWNSTREAM_SECRET", Platform.FEDERATION_SECRET);
        env.put("AMTSWEG_DOWNSTREAM_CALLBACK", Platform.url(Platform.IDENTITY) + "/authorize/upstream/callback");
        UpstreamGateway gateway = new UpstreamGateway(builder.start());
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(Platform.url(Platform.UPSTREAM) + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return gateway;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            if (!gateway.process.isAlive()) {
                throw new IllegalStateException("the upstream gateway exited; see " + log);
            }
            Thread.sleep(250);
        }
        gateway.close();
        throw new IllegalStateException("the upstream gateway was not ready within 90 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
