package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amtsweg.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kafka of each overlay fits the code: every topic the services use (event-contracts' Topics, their channels,
 * their dead-letter topics) is declared, with a partition for every consumer that may read it at once, replicated
 * as far as the brokers allow; and each service's KafkaUser may do exactly what its channels do.
 */
class KafkaTopicsAndUsersTest {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicTheCodeUsesIsDeclaredAndNoOther(String overlay) throws IllegalAccessException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> used = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                used.add((String) field.get(null));
            }
        }
        for (String service : Repository.SERVICES) {
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            used.addAll(
                    configuration.channels(deployment.profiles(), "incoming").values());
            used.addAll(configuration.writtenTopics(deployment.profiles()));
            used.addAll(configuration.deadLetterTopics(deployment.profiles()).values());
        }
        assertThat(declaredTopics(rendered).keySet()).isEqualTo(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyConsumerAtTheAutoscalersMaximumHasAPartitionOfItsOwn(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, Integer> partitions = declaredTopics(rendered);
        for (String service : Repository.SERVICES) {
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            configuration.channels(deployment.profiles(), "incoming").forEach((channel, topic) -> {
                // A group of each instance's own (an id with ${quarkus.uuid}) reads all partitions in every pod.
                int pods =
                        configuration.groupId(deployment.profiles(), channel).contains("${") ? 1 : deployment.maxPods();
                int consumers =
                        configuration.concurrency(deployment.profiles(), channel, deployment.environment()) * pods;
                assertThat(partitions.get(topic))
                        .as("partitions of %s for %d consumers of %s", topic, consumers, service)
                        .isGreaterThanOrEqualTo(consumers);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void topicsAreReplicatedAsFarAsTheBrokersAllowAndSurviveOneBrokerDown(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        int brokers = rendered.ofKind("KafkaNodePool")
                .filter(pool -> pool.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
        assertThat(brokers).isEqualTo(overlay.equals("production") ? 3 : 1);
        rendered.ofKind("KafkaTopic").forEach(topic -> {
            int replicas = topic.path("spec").path("replicas").asInt();
            int inSync = topic.path("spec")
                    .path("config")
                    .path("min.insync.replicas")
                    .asInt();
            assertThat(replicas)
                    .as(topic.path("metadata").path("name").asText())
                    .isEqualTo(brokers);
            assertThat(inSync).isEqualTo(Math.max(1, brokers - 1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceMayWriteItsOwnTopicsAndReadOnlyWhatItConsumes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : Repository.SERVICES) {
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            List<String> profiles = deployment.profiles();
            Set<String> expected = new TreeSet<>();
            configuration
                    .writtenTopics(profiles)
                    .forEach(topic -> expected.add("topic " + topic + " Write,Describe literal"));
            configuration
                    .deadLetterTopics(profiles)
                    .values()
                    .forEach(topic -> expected.add("topic " + topic + " Write,Describe literal"));
            configuration.channels(profiles, "incoming").forEach((channel, topic) -> {
                expected.add("topic " + topic + " Read,Describe literal");
                String group = configuration.groupId(profiles, channel);
                // A group of each instance's own: the user may read the groups of that prefix, no other.
                int expression = group.indexOf("${");
                expected.add(
                        expression < 0
                                ? "group " + group + " Read literal"
                                : "group " + group.substring(0, expression) + " Read prefix");
            });
            if (expected.isEmpty()) {
                assertThat(rendered.find("KafkaUser", service))
                        .as("%s talks to no broker, so it has no Kafka user", service)
                        .isEmpty();
                continue;
            }
            assertThat(acls(rendered.get("KafkaUser", service)))
                    .as("ACLs of %s", service)
                    .isEqualTo(expected);
            assertThat(deployment.environment())
                    .containsEntry("AMTSWEG_KAFKA_SASL_JAAS_CONFIG", "secret:" + service + "/sasl.jaas.config");
        }
    }

    /**
     * What the configuration says a service writes is what its code hands its outbox: each topic of event-contracts'
     * {@code Topics} its main sources name (in the services' code those constants only ever address outbox rows; consumers
     * name their topics in the configuration), and {@code administration} where it records an audit trail. A service
     * that appends nothing declares no topic and runs no relay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceDeclaresExactlyTheTopicsItsCodeWritesToItsOutbox(String overlay)
            throws IOException, IllegalAccessException {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> topicConstants = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topicConstants.put(field.getName(), (String) field.get(null));
            }
        }
        for (String service : Repository.SERVICES) {
            Set<String> appended = new TreeSet<>();
            Path sources = Repository.ROOT.resolve(service).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    Matcher constant = TOPIC_CONSTANT.matcher(code);
                    while (constant.find()) {
                        appended.add(topicConstants.get(constant.group(1)));
                    }
                    if (code.contains("import org.amtsweg.messaging.audit.AuditTrail;")) {
                        appended.add(Topics.ADMINISTRATION);
                    }
                }
            }
            List<String> profiles = ServiceDeployment.of(rendered, service).profiles();
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            assertThat(configuration.writtenTopics(profiles))
                    .as("topics %s writes", service)
                    .isEqualTo(appended);
            assertThat(configuration.hasOutboxRelay(profiles))
                    .as("%s runs an outbox relay", service)
                    .isEqualTo(!appended.isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void theLagScalerWatchesTheGroupAndTopicTheConsumerReallyUses(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        rendered.ofKind("ScaledObject").forEach(scaled -> {
            String service =
                    scaled.path("spec").path("scaleTargetRef").path("name").asText();
            ServiceDeployment deployment = ServiceDeployment.of(rendered, service);
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            Map<String, String> incoming = configuration.channels(deployment.profiles(), "incoming");
            List<JsonNode> lags = new ArrayList<>();
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    lags.add(trigger.path("metadata"));
                }
            }
            assertThat(lags).as("%s scales on its lag", service).isNotEmpty();
            // A consumer of several topics may scale on the lag of each: every one of them is a group it really reads.
            for (JsonNode kafka : lags) {
                String topic = kafka.path("topic").asText();
                String channel = incoming.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(topic))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(service + " reads no topic " + topic))
                        .getKey();
                assertThat(kafka.path("consumerGroup").asText())
                        .as("group of %s on %s", service, topic)
                        .isEqualTo(configuration.groupId(deployment.profiles(), channel));
                assertThat(kafka.path("bootstrapServers").asText())
                        .isEqualTo(deployment.environment().get("AMTSWEG_KAFKA"));
            }
        });
    }

    /** KEDA's own Kafka user may describe exactly the groups and topics its ScaledObjects watch, nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void theLagReaderMayDescribeExactlyTheWatchedGroupsAndTopics(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> expected = new TreeSet<>();
        rendered.ofKind("ScaledObject").forEach(scaled -> {
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    assertThat(trigger.path("authenticationRef").path("name").asText())
                            .isEqualTo("kafka-lag-reader");
                    expected.add(
                            "topic " + trigger.path("metadata").path("topic").asText() + " Describe literal");
                    expected.add("group "
                            + trigger.path("metadata").path("consumerGroup").asText() + " Describe literal");
                }
            }
        });
        assertThat(acls(rendered.get("KafkaUser", "kafka-lag-reader"))).isEqualTo(expected);
    }

    private static Map<String, Integer> declaredTopics(RenderedOverlay rendered) {
        Map<String, Integer> topics = new TreeMap<>();
        rendered.ofKind("KafkaTopic")
                .forEach(topic -> topics.put(
                        topic.path("spec")
                                .path("topicName")
                                .asText(topic.path("metadata").path("name").asText()),
                        topic.path("spec").path("partitions").asInt()));
        return topics;
    }

    private static Set<String> acls(ObjectNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            acls.add(acl.path("resource").path("type").asText() + " "
                    + acl.path("resource").path("name").asText() + " "
                    + operations.stream().collect(Collectors.joining(",")) + " "
                    + acl.path("resource").path("patternType").asText());
        }
        return acls;
    }
}
