package org.amtsweg.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.PoisonEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The test application's consumer, written as a service writes one. A line {@code passing-failures:N}
 * fails N times as if the database refused the connection; {@code contract-violation} can never succeed.
 */
@ApplicationScoped
public class Journal {

    static final String CONSUMER = "messaging-test.journal";
    /** The channel's consumer group (application.properties). */
    static final String GROUP = "messaging-test";

    private final EventConsumption consumption;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public Journal(EventConsumption consumption) {
        this.consumption = consumption;
    }

    /** How often the effect of event {@code id} ran so far. */
    int attempts(String id) {
        AtomicInteger count = attempts.get(id);
        return count == null ? 0 : count.get();
    }

    @Incoming("journal-in")
    public Uni<Void> consume(Message<String> message) {
        return consumption.consume(
                message,
                CONSUMER,
                event -> consumption.once(
                        event,
                        CONSUMER,
                        connection -> {
                            JournalEntry entry = event.data(JournalEntry.class);
                            int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger())
                                    .incrementAndGet();
                            if (entry.text().startsWith("passing-failures:")
                                    && attempt <= Integer.parseInt(entry.text().substring(17))) {
                                return Uni.createFrom()
                                        .failure(new ConnectException("Connection refused (as the test asked)"));
                            }
                            if (entry.text().equals("contract-violation")) {
                                throw new PoisonEvent("a journal line the journal refuses");
                            }
                            return connection
                                    .preparedQuery("INSERT INTO journal_entry (event_id, text) VALUES ($1, $2)")
                                    .execute(Tuple.of(event.id(), entry.text()))
                                    .replaceWithVoid();
                        },
                        null));
    }
}
