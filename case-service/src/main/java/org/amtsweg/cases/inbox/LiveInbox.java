package org.amtsweg.cases.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live inbox: the case events of one authority as they happen, numbered by their position in the
 * outbox, so that a client that reconnects with {@code Last-Event-ID} continues exactly where it left
 * off. Events are streamed once they are a second old: a transaction that took a lower number but
 * commits later is still seen in order.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Pool pool;

    public LiveInbox(Pool pool) {
        this.pool = pool;
    }

    /** One case event of the stream. */
    public record Event(long id, String type, String data) {
    }

    /** The events after {@code lastEventId} (or, without it, from now on), for as long as the client listens. */
    public Multi<Event> follow(String authority, Long lastEventId) {
        Uni<Long> start = lastEventId != null ? Uni.createFrom().item(lastEventId)
                : pool.query("SELECT coalesce(max(seq), 0) AS last FROM outbox_event").execute().map(rows -> rows.iterator().next().getLong("last"));
        return start.onItem().transformToMulti(first -> {
            AtomicLong cursor = new AtomicLong(first);
            return Multi.createFrom().ticks().every(POLL)
                    .onOverflow().drop()
                    .onItem().transformToUniAndConcatenate(tick -> after(authority, cursor.get()))
                    .onItem().transformToIterable(events -> events)
                    .invoke(event -> cursor.set(event.id()));
        });
    }

    private Uni<List<Event>> after(String authority, long cursor) {
        return pool.preparedQuery("""
                        SELECT seq, type, payload::text AS payload FROM outbox_event
                        WHERE seq > $1 AND topic = 'cases' AND payload->>'authorityId' = $2 AND created_at < now() - interval '1 second'
                        ORDER BY seq LIMIT 200""")
                .execute(Tuple.of(cursor, authority))
                .map(rows -> {
                    List<Event> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new Event(row.getLong("seq"), row.getString("type"), row.getString("payload")));
                    }
                    return events;
                });
    }
}
