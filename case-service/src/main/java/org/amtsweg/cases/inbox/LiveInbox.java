package org.amtsweg.cases.inbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.amtsweg.messaging.CoalescingRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live inbox: the case events of one authority as they happen, numbered by their position in the
 * case-event log ({@code case_event}), so that a client that reconnects with {@code Last-Event-ID}
 * continues exactly where it left off. Events are streamed once they are a second old: a transaction
 * that took a lower number but commits later is still seen in order.
 *
 * <p>One reader for all listening clerks: every half second, while anyone listens, one query reads
 * what is new for every authority, and each clerk's stream takes what is her authority's. A hundred
 * idle clerks cost one indexed query per half second, not a hundred. A client that resumes first reads
 * what it missed from the log (its authority's index), then joins the shared reader.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);
    private static final int BATCH = 500;
    private static final Duration TICK = Duration.ofMillis(500);

    private final Pool pool;
    private final Duration retention;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** The log position up to which the shared reader has handed events to the listeners; -1 before its first read. */
    private final AtomicLong position = new AtomicLong(-1);
    private final CoalescingRun reader;

    public LiveInbox(Pool pool, @ConfigProperty(name = "amtsweg.cases.live-inbox.retention", defaultValue = "P30D") Duration retention) {
        this.pool = pool;
        this.retention = retention;
        this.reader = new CoalescingRun(LOG, "live inbox", this::readNew, read -> read == BATCH);
    }

    /** One case event of the stream. */
    public record Event(long id, String type, String data) {
    }

    /** The events after {@code lastEventId} (or, without it, from now on), for as long as the client listens. */
    public Multi<Event> follow(String authority, Long lastEventId) {
        Uni<Long> start = lastEventId != null ? Uni.createFrom().item(lastEventId)
                : pool.query("SELECT coalesce(max(seq), 0) AS last FROM case_event").execute().map(rows -> rows.iterator().next().getLong("last"));
        return start.onItem().transformToMulti(after -> Multi.createFrom().<Event>emitter(emitter -> {
            Listener listener = new Listener(authority, after, emitter);
            emitter.onTermination(() -> listeners.remove(listener));
            listeners.add(listener);
            catchUp(listener);
        }));
    }

    /** Every half second (the scheduler's shortest interval is a second), a read while anyone listens. */
    void start(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(TICK.toMillis(), id -> {
            if (!listeners.isEmpty()) {
                reader.nudge();
            }
        });
    }

    /** The log keeps a clerk's events for reconnecting clients and nothing else: older ones go. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> forgetOld() {
        return pool.preparedQuery("DELETE FROM case_event WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds())).replaceWithVoid();
    }

    /** The shared read: what is new for everyone, handed to each listener of its authority. */
    private Uni<Integer> readNew() {
        return position().chain(after -> pool.preparedQuery("""
                                SELECT seq, authority_id, type, payload::text AS payload FROM case_event
                                WHERE seq > $1 AND created_at < now() - interval '1 second' ORDER BY seq LIMIT $2""")
                        .execute(Tuple.of(after, BATCH))
                        .map(rows -> {
                            long last = after;
                            for (Row row : rows) {
                                Event event = event(row);
                                String authority = row.getString("authority_id");
                                listeners.forEach(listener -> listener.live(authority, event));
                                last = event.id();
                            }
                            position.set(last);
                            return rows.size();
                        }));
    }

    /** Where the shared reader stands; before its first read, the log's end as of a second ago. */
    private Uni<Long> position() {
        if (position.get() >= 0) {
            return Uni.createFrom().item(position.get());
        }
        return pool.query("SELECT coalesce(max(seq), 0) AS last FROM case_event WHERE created_at < now() - interval '1 second'")
                .execute()
                .map(rows -> {
                    position.compareAndSet(-1, rows.iterator().next().getLong("last"));
                    return position.get();
                });
    }

    /**
     * A resuming listener reads its authority's events the shared reader has already passed. It is
     * registered before this reads the position, so every later event reaches it live.
     */
    private void catchUp(Listener listener) {
        position().chain(upTo -> listener.cursor() >= upTo ? Uni.createFrom().item(List.<Event>of())
                        : pool.preparedQuery("""
                                        SELECT seq, type, payload::text AS payload FROM case_event
                                        WHERE authority_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq""")
                                .execute(Tuple.of(listener.authority, listener.cursor(), upTo))
                                .map(rows -> {
                                    List<Event> missed = new ArrayList<>();
                                    rows.forEach(row -> missed.add(event(row)));
                                    return missed;
                                }))
                .subscribe().with(listener::caughtUp, listener.emitter::fail);
    }

    private static Event event(Row row) {
        return new Event(row.getLong("seq"), row.getString("type"), row.getString("payload"));
    }

    /**
     * One clerk's open stream. While it catches up, live events wait in {@code pending}; afterwards each
     * event is emitted once, in order: the cursor drops anything at or below what the clerk has.
     */
    private static final class Listener {
        private final String authority;
        private final MultiEmitter<? super Event> emitter;
        private long cursor;
        private List<Event> pending = new ArrayList<>();

        Listener(String authority, long after, MultiEmitter<? super Event> emitter) {
            this.authority = authority;
            this.cursor = after;
            this.emitter = emitter;
        }

        synchronized long cursor() {
            return cursor;
        }

        synchronized void live(String eventAuthority, Event event) {
            if (!authority.equals(eventAuthority)) {
                return;
            }
            if (pending != null) {
                pending.add(event);
            } else {
                emit(event);
            }
        }

        synchronized void caughtUp(List<Event> missed) {
            missed.forEach(this::emit);
            List<Event> waiting = pending;
            pending = null;
            waiting.forEach(this::emit);
        }

        private void emit(Event event) {
            if (event.id() > cursor) {
                cursor = event.id();
                emitter.emit(event);
            }
        }
    }
}
