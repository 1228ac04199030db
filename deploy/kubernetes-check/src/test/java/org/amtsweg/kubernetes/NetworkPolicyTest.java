package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NetworkPolicies allow exactly the flows of the architecture (ARCHITECTURE.md and the README's picture): the
 * ingress and the metrics scraper reach the services and the portal; the portal reaches the gateway and the three
 * services' APIs, and nothing else (no database, no broker); application-service asks catalog-service, case-service
 * fetches documents from application-service; usage-service is reached by the ingress only (its report for
 * administrators); every service reaches the gateway's keys, its database, DNS and the broker. Nothing else, in
 * either direction.
 */
class NetworkPolicyTest {

    private static final Set<String> ARCHITECTURE = Set.of(
            "ingress-controller -> identity-gateway:8080/TCP",
            "ingress-controller -> catalog-service:8081/TCP",
            "ingress-controller -> application-service:8082/TCP",
            "ingress-controller -> case-service:8083/TCP",
            "ingress-controller -> portal:8084/TCP",
            // The usage report, for administrators only: through the api entrance, not made a page of the portal.
            "ingress-controller -> usage-service:8085/TCP",
            "monitoring -> identity-gateway:8080/TCP",
            "monitoring -> catalog-service:8081/TCP",
            "monitoring -> application-service:8082/TCP",
            "monitoring -> case-service:8083/TCP",
            "monitoring -> portal:8084/TCP",
            "monitoring -> usage-service:8085/TCP",
            // The portal: codes, keys and refreshes at the gateway; its pages are made of the three services' APIs.
            "portal -> identity-gateway:8080/TCP",
            "portal -> catalog-service:8081/TCP",
            "portal -> application-service:8082/TCP",
            "portal -> case-service:8083/TCP",
            "catalog-service -> identity-gateway:8080/TCP",
            "application-service -> identity-gateway:8080/TCP",
            "case-service -> identity-gateway:8080/TCP",
            "usage-service -> identity-gateway:8080/TCP",
            "application-service -> catalog-service:8081/TCP",
            "case-service -> application-service:8082/TCP",
            "identity-gateway -> database:5432/TCP",
            "catalog-service -> database:5432/TCP",
            "application-service -> database:5432/TCP",
            "case-service -> database:5432/TCP",
            "usage-service -> database:5432/TCP",
            "identity-gateway -> kafka:9093/TCP",
            "catalog-service -> kafka:9093/TCP",
            "application-service -> kafka:9093/TCP",
            "case-service -> kafka:9093/TCP",
            "usage-service -> kafka:9093/TCP",
            // The database's own: replication between its instances, the operator's management.
            "database -> database:5432/TCP",
            "database -> database:8000/TCP",
            "database-operator -> database:5432/TCP",
            "database-operator -> database:8000/TCP");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theNetworkPoliciesAllowExactlyTheArchitecturesFlows(String overlay) {
        Set<String> expected = new TreeSet<>(ARCHITECTURE);
        for (String party : Repository.SERVICES) {
            expected.add(party + " -> dns:53/UDP");
            expected.add(party + " -> dns:53/TCP");
        }
        if (overlay.equals("production")) {
            // KEDA reads the consumers' lag from the brokers.
            expected.add("keda -> kafka:9093/TCP");
        }
        NetworkFlows flows = new NetworkFlows(RenderedOverlay.of(overlay));
        Set<String> allowed = flows.allowed();
        // Parties outside the platform's namespace, and the brokers and DNS towards them, are the cluster's business.
        allowed.removeIf(flow -> flow.matches(OUTSIDE + " -> " + OUTSIDE_ONLY + ":.*"));
        assertThat(allowed).isEqualTo(expected);

        // Each side on its own is exact too: a service's egress names only what it calls, a service's or the
        // database's ingress only who calls it (one side's slip must not hide behind the other's rule).
        Set<String> egress = flows.allowed(NetworkFlows.Sides.SOURCE_EGRESS);
        egress.removeIf(flow -> !flow.matches(SERVICE + " -> .*"));
        assertThat(egress).isEqualTo(only(expected, SERVICE + " -> .*"));
        Set<String> ingress = flows.allowed(NetworkFlows.Sides.DESTINATION_INGRESS);
        ingress.removeIf(flow -> !flow.matches(".* -> (" + SERVICE + "|database|kafka):.*"));
        assertThat(ingress).isEqualTo(only(expected, ".* -> (" + SERVICE + "|database|kafka):.*"));
    }

    private static final String SERVICE =
            "(identity-gateway|catalog-service|application-service|case-service|usage-service|portal)";
    private static final String OUTSIDE = "(dns|ingress-controller|monitoring|keda|database-operator|kafka|database)";
    private static final String OUTSIDE_ONLY = "(dns|ingress-controller|monitoring|keda|database-operator)";

    private static Set<String> only(Set<String> flows, String pattern) {
        Set<String> matching = new TreeSet<>(flows);
        matching.removeIf(flow -> !flow.matches(pattern));
        return matching;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceAddressInTheConfigurationIsAnAllowedFlow(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> allowed = new NetworkFlows(rendered).allowed();
        for (String service : Repository.SERVICES) {
            ServiceDeployment.of(rendered, service).environment().forEach((name, value) -> {
                if (value.startsWith("http://")) {
                    String target = value.substring("http://".length()).split("[:/]")[0];
                    int port = ServiceDeployment.of(rendered, target).port();
                    if (!target.equals(service)) {
                        assertThat(allowed)
                                .as("%s=%s of %s", name, value, service)
                                .contains(service + " -> " + target + ":" + port + "/TCP");
                    }
                }
            });
        }
    }
}
