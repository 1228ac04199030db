package org.amtsweg.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each event of a journey first appeared on a topic, by event type (the CloudEvents {@code ce_type}
 * header) and record key (the application id, for every event of a journey), read by a consumer of its
 * own from the end of the topic. Also counts events seen twice with a different event id — a doubled effect —
 * and those published again with the same id (at least once: consumers drop them by their id).
 */
final class TopicArrivals implements AutoCloseable {

    private final Map<String, Map<String, Long>> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, String> eventIds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> doubled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> republished = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    TopicArrivals(String bootstrap, List<String> topics) throws InterruptedException {
        CountDownLatch assigned = new CountDownLatch(1);
        reader = new Thread(
                () -> {
                    // Fetches wait up to 10 ms for more records, so that the instrument costs the shared cores little;
                    // that wait is part of the figures measured, which makes them conservative.
                    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "bench-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "latest",
                            ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                            65536,
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            10,
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                            StringDeserializer.class,
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                            StringDeserializer.class))) {
                        consumer.subscribe(topics);
                        while (reading.get()) {
                            if (assigned.getCount() > 0
                                    && !consumer.assignment().isEmpty()) {
                                assigned.countDown();
                            }
                            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                                seen(record, System.nanoTime());
                            }
                        }
                    }
                },
                "topic-arrivals");
        reader.setDaemon(true);
        reader.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bench's consumer got no partitions of " + topics + " within 60 s");
        }
    }

    private void seen(ConsumerRecord<String, String> record, long now) {
        String type = header(record, "ce_type");
        if (type == null || record.key() == null) {
            return;
        }
        Long before =
                firstSeen.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).putIfAbsent(record.key(), now);
        String id = header(record, "ce_id");
        String earlierId = eventIds.putIfAbsent(type + "/" + record.key(), String.valueOf(id));
        // The same event delivered again (same id) is the at-least-once the consumers are built for; a second event is
        // a doubled effect.
        if (before != null && earlierId != null) {
            (earlierId.equals(id) ? republished : doubled)
                    .computeIfAbsent(type, t -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The time {@code type} first appeared for {@code key}, or null. */
    Long arrival(String type, String key) {
        Map<String, Long> ofType = firstSeen.get(type);
        return ofType == null ? null : ofType.get(key);
    }

    /** Waits until {@code type} has appeared for every key; false after {@code timeout}. */
    boolean awaitAll(String type, Collection<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (keys.stream().allMatch(key -> arrival(type, key) != null)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Second, different events of {@code type} for a key seen before (a case opened twice, say). */
    int doubled(String type) {
        AtomicInteger count = doubled.get(type);
        return count == null ? 0 : count.get();
    }

    /** Events of {@code type} seen again with the same id. */
    int republished(String type) {
        AtomicInteger count = republished.get(type);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        reader.join();
    }
}
