package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's connections to PostgreSQL inside the cluster are TLS with the server verified: the reactive pool and
 * the JDBC connection (Flyway) demand {@code verify-full} against the server CA CloudNativePG issues for the cluster
 * the service's database host belongs to (Secret {@code <cluster>-ca}, key {@code ca.crt}), mounted into the pod —
 * and nothing in the Deployment's environment takes that back (the variables the settings read are resolved with it).
 */
class PostgresTlsTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** What would override the TLS settings of application.properties (MicroProfile Config's environment names). */
    private static final Pattern OVERRIDE =
            Pattern.compile("QUARKUS_DATASOURCE_(JDBC_URL|REACTIVE_URL|REACTIVE_POSTGRESQL_SSL_MODE"
                    + "|REACTIVE_TRUST_.+|REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM)");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceDemandsAVerifiedTlsConnectionToItsDatabase(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        int services = 0;
        for (String service : Repository.SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            if (!configuration.hasDatabase()) {
                continue;
            }
            services++;
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            Map<String, String> environment = deployment.environment();
            assertThat(environment.keySet())
                    .as("%s: no variable overrides the database's TLS", service)
                    .noneMatch(name -> OVERRIDE.matcher(name).matches());
            Map<String, String> effective = configuration.effective(deployment.profiles());

            // The host is CloudNativePG's read-write Service of a cluster of this overlay: <cluster>-rw.
            String host = URI.create(resolve(effective.get("quarkus.datasource.reactive.url"), environment))
                    .getHost();
            assertThat(host).as("%s's database host", service).endsWith("-rw");
            String cluster = host.substring(0, host.length() - "-rw".length());
            assertThat(rendered.find("Cluster", cluster))
                    .as("%s's database cluster %s", service, cluster)
                    .isPresent();
            String ca = mountedCaCertificate(deployment, cluster + "-ca");

            Map<String, String> reactive = new TreeMap<>();
            for (String key : List.of(
                    "postgresql.ssl-mode",
                    "hostname-verification-algorithm",
                    "trust-certificate-pem",
                    "trust-certificate-pem.certs",
                    "trust-all")) {
                String value = effective.get("quarkus.datasource.reactive." + key);
                reactive.put(key, value == null ? null : resolve(value, environment));
            }
            Map<String, String> demanded = new TreeMap<>();
            demanded.put("postgresql.ssl-mode", "verify-full");
            demanded.put("hostname-verification-algorithm", "HTTPS");
            demanded.put("trust-certificate-pem", "true");
            demanded.put("trust-certificate-pem.certs", ca);
            demanded.put("trust-all", null);
            assertThat(reactive).as("%s's reactive pool", service).isEqualTo(demanded);
            URI jdbc = URI.create(resolve(effective.get("quarkus.datasource.jdbc.url"), environment)
                    .substring("jdbc:".length()));
            assertThat(jdbc.getHost()).as("%s's JDBC host", service).isEqualTo(host);
            assertThat(query(jdbc))
                    .as("%s's JDBC URL", service)
                    .containsEntry("sslmode", "verify-full")
                    .containsEntry("sslrootcert", ca);
        }
        assertThat(services).isEqualTo(5);
    }

    /** The path of the CA's certificate in the container: a read-only mount of exactly key ca.crt of that Secret. */
    private static String mountedCaCertificate(ServiceDeployment deployment, String secret) {
        String volume = null;
        for (JsonNode candidate : deployment.podSpec().path("volumes")) {
            if (candidate.path("secret").path("secretName").asText().equals(secret)) {
                JsonNode items = candidate.path("secret").path("items");
                assertThat(items.size())
                        .as("%s mounts only the CA's certificate of %s, not its key", deployment.service(), secret)
                        .isEqualTo(1);
                assertThat(items.get(0).path("key").asText()).isEqualTo("ca.crt");
                assertThat(items.get(0).path("path").asText()).isEqualTo("ca.crt");
                volume = candidate.path("name").asText();
            }
        }
        assertThat(volume)
                .as("%s has a volume of Secret %s", deployment.service(), secret)
                .isNotNull();
        for (JsonNode mount : deployment.container().path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                assertThat(mount.path("readOnly").asBoolean()).isTrue();
                return mount.path("mountPath").asText() + "/ca.crt";
            }
        }
        throw new AssertionError(deployment.service() + " does not mount volume " + volume);
    }

    /** A property's value with its environment expressions resolved as MicroProfile Config would. */
    private static String resolve(String value, Map<String, String> environment) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = environment.getOrDefault(matcher.group(1), matcher.group(2));
            if (replacement == null) {
                throw new AssertionError(matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                List<String> parts = List.of(pair.split("=", 2));
                parameters.put(parts.get(0), parts.size() > 1 ? parts.get(1) : "");
            }
        }
        return parameters;
    }
}
