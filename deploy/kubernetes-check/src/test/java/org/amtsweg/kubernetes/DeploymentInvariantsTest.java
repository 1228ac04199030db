package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every service's Deployment must have in every overlay: probes, resources, no root, a pinned image, a name of its own. */
class DeploymentInvariantsTest {

    static Stream<ServiceDeployment> deployments() {
        return Repository.OVERLAYS.stream()
                .flatMap(overlay -> Repository.SERVICES.stream()
                        .map(service -> ServiceDeployment.of(RenderedOverlay.of(overlay), service)));
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void probesAskTheServicesHealthOnItsOwnPort(ServiceDeployment deployment) {
        JsonNode container = deployment.container();
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/ready");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asInt())
                    .as(probe)
                    .isEqualTo(deployment.port());
        }
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void requestsAndLimitsAreSetAndTheLimitHoldsTheRequest(ServiceDeployment deployment) {
        JsonNode resources = deployment.container().path("resources");
        for (String resource : List.of("cpu", "memory")) {
            assertThat(resources.path("requests").path(resource).isMissingNode())
                    .as("request of " + resource)
                    .isFalse();
            assertThat(resources.path("limits").path(resource).isMissingNode())
                    .as("limit of " + resource)
                    .isFalse();
            assertThat(Quantities.parse(resources.path("limits").path(resource).asText()))
                    .isGreaterThanOrEqualTo(Quantities.parse(
                            resources.path("requests").path(resource).asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void nothingRunsAsRootOrMayBecomeIt(ServiceDeployment deployment) {
        JsonNode pod = deployment.podSpec().path("securityContext");
        JsonNode container = deployment.container().path("securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asLong()).isPositive();
        assertThat(container.path("allowPrivilegeEscalation").isBoolean()
                        && !container.path("allowPrivilegeEscalation").asBoolean())
                .isTrue();
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("capabilities").path("drop").toString()).contains("ALL");
        // With the above, what the "restricted" Pod Security Standard asks of a pod.
        assertThat(container.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(deployment.podSpec().path("automountServiceAccountToken").asBoolean(true))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void theImageIsPinnedToAReleaseOrDigest(ServiceDeployment deployment) {
        String image = deployment.container().path("image").asText();
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        assertThat(lastPart).as(image).matches(".+(:[A-Za-z0-9_.-]+|@sha256:[0-9a-f]{64})$");
        assertThat(lastPart).as(image).doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void itShutsDownGracefullyUnderItsOwnServiceAccount(ServiceDeployment deployment) {
        JsonNode pod = deployment.podSpec();
        assertThat(pod.path("terminationGracePeriodSeconds").asInt())
                .isGreaterThan(deployment
                                .container()
                                .path("lifecycle")
                                .path("preStop")
                                .path("sleep")
                                .path("seconds")
                                .asInt()
                        + 10);
        String account = pod.path("serviceAccountName").asText();
        assertThat(account).isEqualTo(deployment.service());
        assertThat(deployment.overlay().find("ServiceAccount", account)).isPresent();
        assertThat(deployment
                        .overlay()
                        .get("Service", deployment.service())
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("targetPort")
                        .asInt())
                .isEqualTo(deployment.port());
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void productionKeepsTwoPodsAndScalesEachService(ServiceDeployment deployment) {
        RenderedOverlay overlay = deployment.overlay();
        if (!overlay.name().equals("production")) {
            assertThat(deployment.deployment().path("spec").path("replicas").asInt())
                    .isEqualTo(1);
            return;
        }
        assertThat(deployment.deployment().path("spec").path("replicas").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(overlay.get("PodDisruptionBudget", deployment.service())
                        .path("spec")
                        .path("maxUnavailable")
                        .asInt())
                .isEqualTo(1);
        assertThat(overlay.find("HorizontalPodAutoscaler", deployment.service()).isPresent()
                        ^ overlay.find("ScaledObject", deployment.service()).isPresent())
                .as("exactly one autoscaler (KEDA's ScaledObject owns its own HPA)")
                .isTrue();
        assertThat(deployment.maxPods()).isGreaterThan(2);
        assertThat(deployment.podSpec().path("affinity").path("podAntiAffinity").isMissingNode())
                .isFalse();
    }
}
