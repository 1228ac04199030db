package org.amtsweg.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.IncomingEvent;
import org.amtsweg.messaging.consume.PoisonEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's batch consumer, written as a counting service writes one: the journal's lines, read a poll
 * at a time, and only them: an event of another type on the topic is none of its business. {@code passing-failures:N} fails the batch holding it N times as if the database refused the
 * connection; {@code contract-violation} can never succeed. What it does once a poll has committed (a service sends the
 * events it wrote then) is counted per event: {@link #confirmations}.
 */
@ApplicationScoped
public class Tally {

    static final String CONSUMER = "messaging-test.tally";
    static final String TYPE = "org.amtsweg.test.JournalEntry";

    private final EventConsumption consumption;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> confirmed = new ConcurrentHashMap<>();

    public Tally(EventConsumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("tally-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumption.consumeBatch(
                batch,
                CONSUMER,
                event -> TYPE.equals(event.type()),
                (connection, events) -> {
                    for (IncomingEvent event : events) {
                        String text = event.data(JournalEntry.class).text();
                        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger())
                                .incrementAndGet();
                        if (text.startsWith("passing-failures:") && attempt <= Integer.parseInt(text.substring(17))) {
                            return Uni.createFrom()
                                    .failure(new ConnectException("Connection refused (as the test asked)"));
                        }
                        if (text.equals("contract-violation")) {
                            throw new PoisonEvent("a journal line the tally refuses");
                        }
                    }
                    List<Tuple> rows = events.stream()
                            .map(event -> Tuple.of(
                                    event.id(), event.data(JournalEntry.class).text(), events.size()))
                            .toList();
                    return connection
                            .preparedQuery("INSERT INTO tally_entry (event_id, text, batch_size) VALUES ($1, $2, $3)")
                            .executeBatch(rows)
                            .replaceWith(events.stream().map(IncomingEvent::id).toList());
                },
                this::confirm);
    }

    private void confirm(List<String> committed) {
        committed.forEach(
                id -> confirmed.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet());
    }

    /** How often the effect ran for the event: rolled-back attempts included. */
    int attempts(String eventId) {
        return attempts.getOrDefault(eventId, new AtomicInteger()).get();
    }

    /** How often a transaction that applied the event was confirmed as committed. */
    int confirmations(String eventId) {
        return confirmed.getOrDefault(eventId, new AtomicInteger()).get();
    }
}
