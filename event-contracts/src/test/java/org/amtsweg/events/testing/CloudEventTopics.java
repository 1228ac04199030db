package org.amtsweg.events.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the real broker's topics the way another service would: CloudEvents in Kafka
 * binary mode, keyed by aggregate id.
 */
public final class CloudEventTopics {

    private final String bootstrapServers;

    private CloudEventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static CloudEventTopics at(String bootstrapServers) {
        return new CloudEventTopics(bootstrapServers);
    }

    private String bootstrap() {
        return bootstrapServers;
    }

    /** Every record with this key on the topic, waiting up to {@code wait} for at least {@code atLeast} of them. */
    public List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, int atLeast, Duration wait) {
        return recordsMatching(topic, record -> key.equals(record.key()), atLeast, wait);
    }

    /**
     * Every event of this type with this key on the topic (an aggregate's key carries other types too), waiting up
     * to {@code wait} for at least {@code atLeast} of them.
     */
    public List<ConsumerRecord<String, String>> eventsOfType(
            String topic, String key, String type, int atLeast, Duration wait) {
        return recordsMatching(
                topic, record -> key.equals(record.key()) && type.equals(header(record, "ce_type")), atLeast, wait);
    }

    /** Every record on the topic that {@code wanted} accepts, waiting up to {@code wait} for at least {@code atLeast} of them. */
    public List<ConsumerRecord<String, String>> recordsMatching(
            String topic, Predicate<ConsumerRecord<String, String>> wanted, int atLeast, Duration wait) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                if (found.size() >= atLeast) {
                    // Keep reading briefly, so that a duplicate published right after would be seen too.
                    consumer.poll(Duration.ofMillis(1500)).forEach(record -> {
                        if (wanted.test(record)) {
                            found.add(record);
                        }
                    });
                    break;
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent in Kafka binary mode, as the other services' outbox relays do. */
    public void publishCloudEvent(
            String topic, String key, String id, String type, String source, String correlationId, String json) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            if (id != null) {
                record.headers()
                        .add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_source", source.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_correlationid", correlationId.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
