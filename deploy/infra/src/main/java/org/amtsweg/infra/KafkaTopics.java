package org.amtsweg.infra;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the platform's topics explicitly, each with several partitions so that consumers can scale
 * out, plus one dead-letter topic per consumer. Auto-creation is off on the broker: a typo in a
 * channel's topic name must fail loudly instead of creating an orphan topic.
 *
 * <p>Usage: {@code KafkaTopics <bootstrap-servers>}; topics that exist are left as they are.
 */
public final class KafkaTopics {

    /** Topic name to partition count. */
    static final Map<String, Integer> TOPICS = Map.ofEntries(
            Map.entry("applications", 6),
            Map.entry("cases", 6),
            Map.entry("catalog", 3),
            Map.entry("identity", 3),
            Map.entry("administration", 3),
            Map.entry("case-service.applications.dlq", 1),
            Map.entry("case-service.identity.dlq", 1),
            Map.entry("application-service.cases.dlq", 1),
            Map.entry("application-service.identity.dlq", 1),
            Map.entry("usage-service.applications.dlq", 1),
            Map.entry("usage-service.cases.dlq", 1),
            Map.entry("usage-service.administration.dlq", 1),
            Map.entry("usage-service.identity.dlq", 1));

    /**
     * Topic settings beyond the broker's defaults. Every resource-server instance reads the identity
     * topic from its beginning when it starts (to know which unexpired tokens were withdrawn): an hour
     * of it is plenty, since an access token lives minutes.
     */
    static final Map<String, Map<String, String>> CONFIGS =
            Map.of("identity", Map.of("retention.ms", String.valueOf(TimeUnit.HOURS.toMillis(1))));

    private KafkaTopics() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)
                            .configs(CONFIGS.getOrDefault(topic.getKey(), Map.of())))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println(
                    "Kafka topics ready: " + TOPICS.keySet().stream().sorted().toList());
        }
    }
}
