package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browsers reach the portal at the address the gateway sends them back to: an Ingress with TLS for exactly the host
 * of the gateway's AMTSWEG_PORTAL_URL, to the portal's Service. Wherever the portal runs in more than one pod, the
 * ingress keeps each browser on its pod, since a login's tokens live in that pod's memory (portal/README.md).
 */
class PortalEntranceTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void thePortalIsServedWithTlsAtTheAddressTheGatewayReturnsBrowsersTo(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        URI portal = URI.create(rendered.configMap("identity-gateway").get("AMTSWEG_PORTAL_URL"));
        assertThat(portal.getScheme()).isEqualTo("https");
        JsonNode spec = rendered.get("Ingress", "portal").path("spec");
        assertThat(spec.path("tls").get(0).path("hosts").toString()).contains("\"" + portal.getHost() + "\"");
        assertThat(spec.path("rules")).hasSize(1);
        JsonNode rule = spec.path("rules").get(0);
        assertThat(rule.path("host").asText()).isEqualTo(portal.getHost());
        JsonNode path = rule.path("http").path("paths").get(0);
        assertThat(path.path("path").asText()).isEqualTo("/");
        assertThat(path.path("backend").path("service").path("name").asText()).isEqualTo("portal");
        assertThat(path.path("backend")
                        .path("service")
                        .path("port")
                        .path("name")
                        .asText())
                .isEqualTo(rendered.get("Service", "portal")
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("name")
                        .asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void severalPortalPodsKeepEachBrowserOnTheOneHoldingItsLogin(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        int pods = ServiceDeployment.of(rendered, "portal").maxPods();
        JsonNode annotations =
                rendered.get("Ingress", "portal").path("metadata").path("annotations");
        if (pods > 1) {
            assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity").asText())
                    .isEqualTo("cookie");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/affinity-mode")
                            .asText())
                    .isEqualTo("persistent");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/session-cookie-secure")
                            .asText())
                    .isEqualTo("true");
        } else {
            assertThat(overlay).isEqualTo("local");
        }
    }
}
