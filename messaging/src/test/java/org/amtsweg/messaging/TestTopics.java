package org.amtsweg.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the test application's topics before it starts: the broker creates none by itself (a typo in a
 * topic name must fail loudly), and these are not the platform's topics, which the infrastructure creates.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String servers = "127.0.0.1:" + System.getenv().getOrDefault("AMTSWEG_TEST_KAFKA_PORT", "19092");
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    List.of(KafkaProbe.TOPIC, KafkaProbe.DEAD_LETTERS, KafkaProbe.TALLY_DEAD_LETTERS).stream()
                            .filter(topic -> !existing.contains(topic))
                            .map(topic -> new NewTopic(topic, 2, (short) 1))
                            .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topics on " + servers, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
