package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pod of every service at its autoscaler's maximum, each with its pools full, still finds a connection: the
 * database's max_connections holds them all, with room for the operator, replication and a console.
 */
class DatabaseConnectionsTest {

    /** Kept free for the superuser, the standbys' replication and an operator's console. */
    private static final int HEADROOM = 20;

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void thePoolsOfAllPodsAtTheirMaximumFitTheDatabase(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        int maxConnections = rendered.get("Cluster", "amtsweg-db")
                .path("spec")
                .path("postgresql")
                .path("parameters")
                .path("max_connections")
                .asInt();
        int needed = 0;
        for (String service : Repository.SERVICES) {
            if (!ServiceConfiguration.of(service).hasDatabase()) {
                continue;
            }
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            Map<String, String> configuration = ServiceConfiguration.of(service).effective(deployment.profiles());
            Map<String, String> environment = deployment.environment();
            // Quarkus' defaults where a service sets no size: 20 for both pools.
            int reactive = Integer.parseInt(environment.getOrDefault(
                    "QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE",
                    configuration.getOrDefault("quarkus.datasource.reactive.max-size", "20")));
            int jdbc = Integer.parseInt(environment.getOrDefault(
                    "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                    configuration.getOrDefault("quarkus.datasource.jdbc.max-size", "20")));
            needed += (reactive + jdbc) * deployment.maxPods();
        }
        assertThat(needed + HEADROOM)
                .as("connections of all pods in %s", overlay)
                .isLessThanOrEqualTo(maxConnections);
    }
}
