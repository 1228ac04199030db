package org.amtsweg.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connections the NetworkPolicies of a rendered overlay allow between the parties of the platform, computed
 * as a cluster enforces them: a connection is allowed when the source's policies allow it out (or none selects the
 * source for egress) and the destination's allow it in (or none selects the destination for ingress). Strimzi
 * writes the brokers' policy itself from the listener's peers, so those are read from the Kafka resource.
 * Selectors this evaluator does not understand fail the check instead of being guessed.
 */
final class NetworkFlows {

    /** A party: its namespace, its pods' labels, and the ports it listens on ("5432/TCP"); none for a pure client. */
    record Party(String name, String namespace, Map<String, String> labels, List<String> ports) {}

    private final RenderedOverlay overlay;
    private final String namespace;
    private final List<JsonNode> policies;
    private final List<JsonNode> kafkaPeers = new ArrayList<>();
    private final Map<String, String> brokerLabels = new HashMap<>();
    private final List<String> kafkaPorts = new ArrayList<>();

    NetworkFlows(RenderedOverlay overlay) {
        this.overlay = overlay;
        this.namespace = overlay.namespace();
        this.policies =
                overlay.ofKind("NetworkPolicy").map(JsonNode.class::cast).toList();
        overlay.ofKind("Kafka").forEach(kafka -> {
            brokerLabels.put(
                    "strimzi.io/cluster", kafka.path("metadata").path("name").asText());
            brokerLabels.put("strimzi.io/broker-role", "true");
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                kafkaPorts.add(listener.path("port").asInt() + "/TCP");
                listener.path("networkPolicyPeers").forEach(kafkaPeers::add);
            }
        });
    }

    /** The platform's parties in this overlay: the services, the database, the brokers, DNS and the clients outside. */
    List<Party> parties() {
        List<Party> parties = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            ServiceDeployment deployment = ServiceDeployment.of(overlay, service);
            Map<String, String> labels = RenderedOverlay.YAML.convertValue(
                    deployment
                            .deployment()
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels"),
                    RenderedOverlay.YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            parties.add(new Party(service, namespace, labels, List.of(deployment.port() + "/TCP")));
        }
        overlay.ofKind("Cluster")
                .forEach(cluster -> parties.add(new Party(
                        "database",
                        namespace,
                        Map.of(
                                "cnpg.io/cluster",
                                cluster.path("metadata").path("name").asText()),
                        List.of("5432/TCP", "8000/TCP"))));
        parties.add(new Party("kafka", namespace, brokerLabels, kafkaPorts));
        parties.add(new Party("dns", "kube-system", Map.of("k8s-app", "kube-dns"), List.of("53/UDP", "53/TCP")));
        parties.add(new Party(
                "ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), List.of()));
        parties.add(new Party("monitoring", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), List.of()));
        parties.add(new Party("keda", "keda", Map.of("app", "keda-operator"), List.of()));
        parties.add(new Party(
                "database-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), List.of()));
        return parties;
    }

    /** Which policies a connection must pass: both sides, as a cluster enforces them, or one side alone. */
    enum Sides {
        BOTH,
        SOURCE_EGRESS,
        DESTINATION_INGRESS
    }

    /** Every allowed connection, as "source -> destination:port/protocol". */
    Set<String> allowed() {
        return allowed(Sides.BOTH);
    }

    /** The connections one side's policies let through, as if the other side had none: each side is exact on its own. */
    Set<String> allowed(Sides sides) {
        Set<String> allowed = new TreeSet<>();
        List<Party> parties = parties();
        for (Party source : parties) {
            for (Party destination : parties) {
                for (String port : destination.ports()) {
                    boolean out = sides == Sides.DESTINATION_INGRESS || egressAllows(source, destination, port);
                    boolean in = sides == Sides.SOURCE_EGRESS || ingressAllows(destination, source, port);
                    if (out && in) {
                        allowed.add(source.name() + " -> " + destination.name() + ":" + port);
                    }
                }
            }
        }
        return allowed;
    }

    private boolean egressAllows(Party source, Party destination, String port) {
        List<JsonNode> selecting = selecting(source, "Egress");
        return selecting.isEmpty()
                || selecting.stream().anyMatch(policy -> anyRule(policy, "egress", "to", destination, port));
    }

    private boolean ingressAllows(Party destination, Party source, String port) {
        if (destination.name().equals("kafka")) {
            return kafkaPeers.stream().anyMatch(peer -> peerMatches(peer, namespace, source));
        }
        List<JsonNode> selecting = selecting(destination, "Ingress");
        return selecting.isEmpty()
                || selecting.stream().anyMatch(policy -> anyRule(policy, "ingress", "from", source, port));
    }

    private List<JsonNode> selecting(Party party, String type) {
        if (!party.namespace().equals(namespace)) {
            return List.of();
        }
        return policies.stream()
                .filter(policy ->
                        policy.path("spec").path("policyTypes").toString().contains(type))
                .filter(policy -> selectorMatches(policy.path("spec").path("podSelector"), party.labels()))
                .toList();
    }

    private boolean anyRule(JsonNode policy, String direction, String peers, Party other, String port) {
        for (JsonNode rule : policy.path("spec").path(direction)) {
            boolean portMatches = !rule.has("ports") || portMatches(rule.path("ports"), port);
            boolean peerMatches = !rule.has(peers) || anyPeer(rule.path(peers), other);
            if (portMatches && peerMatches) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPeer(JsonNode peers, Party other) {
        for (JsonNode peer : peers) {
            if (peerMatches(peer, namespace, other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, String port) {
        for (JsonNode candidate : ports) {
            if ((candidate.path("port").asText() + "/"
                            + candidate.path("protocol").asText("TCP"))
                    .equals(port)) {
                return true;
            }
        }
        return false;
    }

    /** A NetworkPolicyPeer: a namespace selector, a pod selector, or both (pods of those namespaces). */
    private static boolean peerMatches(JsonNode peer, String policyNamespace, Party party) {
        if (peer.has("ipBlock")) {
            throw new AssertionError("ipBlock peers are not evaluated by this check: " + peer);
        }
        boolean namespaceMatches = peer.has("namespaceSelector")
                ? selectorMatches(
                        peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", party.namespace()))
                : party.namespace().equals(policyNamespace);
        return namespaceMatches
                && (!peer.has("podSelector") || selectorMatches(peer.path("podSelector"), party.labels()));
    }

    private static boolean selectorMatches(JsonNode selector, Map<String, String> labels) {
        var fields = selector.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("matchLabels") && !field.equals("matchExpressions")) {
                throw new AssertionError("unknown selector field " + field);
            }
        }
        var matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var label = matchLabels.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!expression.path("operator").asText().equals("In")) {
                throw new AssertionError("only 'In' expressions are evaluated by this check: " + expression);
            }
            String value = labels.get(expression.path("key").asText());
            boolean in = false;
            for (JsonNode candidate : expression.path("values")) {
                in |= candidate.asText().equals(value);
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }
}
