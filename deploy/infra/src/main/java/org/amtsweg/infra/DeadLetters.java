package org.amtsweg.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's look at a dead-letter topic, and the way back: once the cause of a dead-lettered event
 * is fixed (a deployment, a corrected master record), {@code redrive} sends it to the topic it came from,
 * as it was — same key, same CloudEvents headers, without the {@code dead-letter-*} headers the consumer
 * added. The consumer's processed-event log makes a re-driven event that had in fact been applied a no-op.
 *
 * <p>Each dead-letter topic's progress is a consumer group of its own ({@code amtsweg-redrive.<topic>}),
 * committed after each event is back: an event is re-driven once, however often the command runs.
 *
 * <p>Usage: {@code DeadLetters <bootstrap-servers> list|redrive <dead-letter-topic>}
 */
public final class DeadLetters {

    private static final String ORIGIN = "dead-letter-topic";
    private static final String REASON = "dead-letter-reason";

    private DeadLetters() {}

    public static void main(String[] args) {
        if (args.length != 3 || !List.of("list", "redrive").contains(args[1])) {
            System.err.println("usage: DeadLetters <bootstrap-servers> list|redrive <dead-letter-topic>");
            System.exit(2);
        }
        boolean redrive = args[1].equals("redrive");
        String topic = args[2];
        List<ConsumerRecord<byte[], byte[]>> waiting = waiting(args[0], topic, redrive);
        for (ConsumerRecord<byte[], byte[]> record : waiting) {
            System.out.printf(
                    "%s offset %d: %s %s from %s — %s%n",
                    topic,
                    record.offset(),
                    header(record, "ce_type"),
                    header(record, "ce_id"),
                    header(record, ORIGIN),
                    header(record, REASON));
        }
        System.out.printf(
                "%d event(s) %s%n", waiting.size(), redrive ? "sent back to the topics they came from" : "waiting");
    }

    /** What the redrive group has not handled yet; with {@code redrive}, sends each back and commits. */
    private static List<ConsumerRecord<byte[], byte[]>> waiting(String bootstrap, String topic, boolean redrive) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "amtsweg-redrive." + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Only what waits now: an event that fails again is dead-lettered again behind this end, and is
            // left for the next run instead of going round in a loop.
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.subscribe(List.of(topic));
            while (!readTo(consumer, end)) {
                var records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    seen.add(record);
                    if (redrive) {
                        sendBack(producer, record);
                    }
                }
                if (redrive && !records.isEmpty()) {
                    producer.flush();
                    consumer.commitSync(committable(consumer, end));
                }
            }
        }
        return seen;
    }

    /** Whether the consumer's position has reached the snapshot's end on every partition (once it has them all). */
    private static boolean readTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        if (end.values().stream().allMatch(offset -> offset == 0)) {
            return true; // never held anything
        }
        if (!consumer.assignment().containsAll(end.keySet())) {
            return false;
        }
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    /** The positions to commit, never beyond the snapshot's end: what came after it waits for the next run. */
    private static Map<TopicPartition, OffsetAndMetadata> committable(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            offsets.put(partition, new OffsetAndMetadata(Math.min(consumer.position(partition), end.get(partition))));
        }
        return offsets;
    }

    private static void sendBack(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record) {
        String origin = header(record, ORIGIN);
        if (origin == null) {
            throw new IllegalStateException(
                    "offset " + record.offset() + " names no topic it came from (no " + ORIGIN + " header)");
        }
        ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(origin, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                back.headers().add(header);
            }
        }
        try {
            producer.send(back).get();
        } catch (Exception e) {
            throw new IllegalStateException("sending offset " + record.offset() + " back to " + origin + " failed", e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
