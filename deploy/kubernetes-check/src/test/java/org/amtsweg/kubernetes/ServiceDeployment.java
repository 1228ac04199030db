package org.amtsweg.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** One service's Deployment in a rendered overlay, with what its container is given. */
record ServiceDeployment(RenderedOverlay overlay, String service, ObjectNode deployment) {

    static ServiceDeployment of(RenderedOverlay overlay, String service) {
        return new ServiceDeployment(overlay, service, overlay.get("Deployment", service));
    }

    JsonNode podSpec() {
        return deployment.path("spec").path("template").path("spec");
    }

    JsonNode container() {
        JsonNode containers = podSpec().path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(service + " should run one container, has " + containers.size());
        }
        return containers.get(0);
    }

    int port() {
        return container().path("ports").get(0).path("containerPort").asInt();
    }

    /**
     * The container's environment: its ConfigMaps first, then its own entries. A secret's value comes from
     * {@code secrets} (Secret name, key), a field reference is the overlay's namespace.
     */
    Map<String, String> environment(BiFunction<String, String, String> secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container().path("envFrom")) {
            if (source.has("configMapRef")) {
                environment.putAll(overlay.configMap(
                        source.path("configMapRef").path("name").asText()));
            } else {
                throw new AssertionError(service + ": only ConfigMaps may supply whole environments, not " + source);
            }
        }
        for (JsonNode variable : container().path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (variable.has("value")) {
                environment.put(name, variable.path("value").asText());
            } else if (from.has("secretKeyRef")) {
                environment.put(
                        name,
                        secrets.apply(
                                from.path("secretKeyRef").path("name").asText(),
                                from.path("secretKeyRef").path("key").asText()));
            } else if (from.has("configMapKeyRef")) {
                environment.put(
                        name,
                        overlay.configMap(from.path("configMapKeyRef")
                                        .path("name")
                                        .asText())
                                .get(from.path("configMapKeyRef").path("key").asText()));
            } else if (from.has("fieldRef")) {
                environment.put(name, overlay.namespace());
            } else {
                throw new AssertionError(service + ": unexpected source of " + name + ": " + variable);
            }
        }
        return environment;
    }

    /** The environment with each secret shown as where it comes from: enough to know what is set. */
    Map<String, String> environment() {
        return environment((secret, key) -> "secret:" + secret + "/" + key);
    }

    List<String> profiles() {
        String profiles = environment().get("QUARKUS_PROFILE");
        return profiles == null ? List.of("prod") : Arrays.asList(profiles.split(","));
    }

    /** The most pods of this service at once: the autoscaler's maximum, else the Deployment's replicas. */
    int maxPods() {
        return overlay.find("ScaledObject", service)
                .map(scaled -> scaled.path("spec").path("maxReplicaCount").asInt())
                .or(() -> overlay.find("HorizontalPodAutoscaler", service)
                        .map(hpa -> hpa.path("spec").path("maxReplicas").asInt()))
                .orElse(deployment.path("spec").path("replicas").asInt(1));
    }
}
