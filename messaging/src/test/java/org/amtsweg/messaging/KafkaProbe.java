package org.amtsweg.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain Kafka client beside the application: writes records as another service would, reads what arrived. */
final class KafkaProbe {

    static final String TOPIC = "messaging-test.events";
    static final String DEAD_LETTERS = TOPIC + ".dlq";
    /** The batch consumer's dead-letter topic. */
    static final String TALLY_DEAD_LETTERS = TOPIC + ".tally.dlq";

    private KafkaProbe() {}

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends a record with the given headers (CloudEvents binary mode if they are {@code ce_*}); answers where it went. */
    static RecordMetadata send(String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", servers()), new StringSerializer(), new StringSerializer())) {
            return producer.send(record(key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the records through one producer, one after the other without waiting, as a busy producer does. */
    static void sendTogether(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", servers(), "linger.ms", 50),
                new StringSerializer(),
                new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** A record for {@link #TOPIC}, with the given headers. */
    static ProducerRecord<String, String> record(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The consumer group as the broker describes it: state, assignor, members. */
    static ConsumerGroupDescription group(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers()))) {
            return admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offset {@code group} has committed for the record's partition (the next one it will read), or -1. */
    static long committed(String group, RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> cloudEvent(String id, String type) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                id,
                "ce_type",
                type,
                "ce_source",
                "urn:amtsweg:probe",
                "ce_correlationid",
                UUID.randomUUID().toString(),
                "content-type",
                "application/json");
    }

    /** Everything on {@code topic} so far. */
    static List<ConsumerRecord<String, String>> all(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        servers(),
                        "group.id",
                        "probe-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest",
                        "enable.auto.commit",
                        "false"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 2) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(records::add);
            }
            return records;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
