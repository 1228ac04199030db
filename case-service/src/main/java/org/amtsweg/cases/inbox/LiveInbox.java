package org.amtsweg.cases.inbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.messaging.CoalescingRun;
import org.jboss.logging.Logger;

/**
 * The live inbox: the case events of one authority as they happen, each with its number in the
 * case-event log ({@code case_event}) as its id, so that a client that reconnects with
 * {@code Last-Event-ID} continues exactly where it left off.
 *
 * <p>Events are streamed in the order their transactions became final, not in number order: a number
 * is taken when an event is written, its transaction may commit later than one that took a higher
 * number. So the log is read up to the oldest transaction still running ({@link Position}); everything
 * below it has ended, nothing can be added there any more, and nothing is skipped — however long a
 * commit takes, and without waiting a fixed time for every event.
 *
 * <p>One reader for all listening clerks: every tenth of a second, while anyone listens, one query reads
 * what is new for every authority, and each clerk's stream takes what is her authority's. A hundred
 * idle clerks cost one indexed query per tick, not a hundred. A client that resumes first reads what it
 * missed from the log (its authority's index), then joins the shared reader.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);
    private static final int BATCH = 500;
    private static final Duration TICK = Duration.ofMillis(100);
    /** The events of transactions that have ended: below the oldest transaction still running. */
    private static final String FINAL = "txid < pg_snapshot_xmin(pg_current_snapshot())";

    private final Pool pool;
    private final Duration retention;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Up to where the shared reader has handed events to the listeners; null before its first read. */
    private final AtomicReference<Position> position = new AtomicReference<>();

    private final CoalescingRun reader;

    public LiveInbox(Pool pool, CaseConfig config) {
        this.pool = pool;
        this.retention = config.liveInbox().retention();
        this.reader = new CoalescingRun(LOG, "live inbox", this::readNew, read -> read == BATCH);
    }

    /** One case event of the stream; {@code id} is its number in the log, the stream's event id. */
    public record Event(long id, String type, String data, Position position) {}

    /**
     * A place in the log in the order events became final: the writing transaction, then the number.
     * Each transaction's events are contiguous in this order, and a transaction below the oldest running
     * one can no longer add any.
     */
    public record Position(long transaction, long number) implements Comparable<Position> {
        static final Position BEGINNING = new Position(0, 0);

        @Override
        public int compareTo(Position other) {
            int byTransaction = Long.compare(transaction, other.transaction);
            return byTransaction != 0 ? byTransaction : Long.compare(number, other.number);
        }
    }

    /** The events after the one numbered {@code lastEventId} (or, without it, from now on), for as long as the client listens. */
    public Multi<Event> follow(String authority, Long lastEventId) {
        Uni<Position> start = lastEventId == null ? position() : positionOf(lastEventId);
        return start.onItem()
                .transformToMulti(after -> Multi.createFrom().<Event>emitter(emitter -> {
                    Listener listener = new Listener(authority, after, emitter);
                    emitter.onTermination(() -> listeners.remove(listener));
                    listeners.add(listener);
                    catchUp(listener);
                }));
    }

    /** Every tenth of a second (the scheduler's shortest interval is a second), a read while anyone listens. */
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
                .execute(Tuple.of((double) retention.toSeconds()))
                .replaceWithVoid();
    }

    /** The shared read: what has become final for everyone, handed to each listener of its authority. */
    private Uni<Integer> readNew() {
        return position()
                .chain(after -> pool.preparedQuery("""
                                SELECT seq, txid::text::bigint AS transaction, authority_id, type, payload::text AS payload FROM case_event
                                WHERE (txid, seq) > ($1::text::xid8, $2) AND %s ORDER BY txid, seq LIMIT $3""".formatted(FINAL))
                        .execute(Tuple.of(String.valueOf(after.transaction()), after.number(), BATCH))
                        .map(rows -> {
                            Position last = after;
                            for (Row row : rows) {
                                Event event = event(row);
                                String authority = row.getString("authority_id");
                                listeners.forEach(listener -> listener.live(authority, event));
                                last = event.position();
                            }
                            position.set(last);
                            return rows.size();
                        }));
    }

    /** Where the shared reader stands; before its first read, the end of what is final now. */
    private Uni<Position> position() {
        Position known = position.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.query("SELECT seq, txid::text::bigint AS transaction FROM case_event WHERE " + FINAL
                        + " ORDER BY txid DESC, seq DESC LIMIT 1")
                .execute()
                .map(rows -> {
                    position.compareAndSet(null, first(rows, Position.BEGINNING));
                    return position.get();
                });
    }

    /**
     * The place of the event a client saw last. One the log no longer keeps (older than the retention)
     * resumes just before the oldest event after it that the log still has; a number beyond the log's
     * end (nothing newer kept) resumes from now on.
     */
    private Uni<Position> positionOf(long number) {
        return pool.preparedQuery(
                        "SELECT seq, txid::text::bigint AS transaction FROM case_event WHERE seq >= $1 ORDER BY seq LIMIT 1")
                .execute(Tuple.of(number))
                .chain(rows -> {
                    Position found = first(rows, null);
                    if (found == null) {
                        return position();
                    }
                    return Uni.createFrom()
                            .item(
                                    found.number() == number
                                            ? found
                                            : new Position(found.transaction(), found.number() - 1));
                });
    }

    private static Position first(RowSet<Row> rows, Position otherwise) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return otherwise;
        }
        Row row = iterator.next();
        return new Position(row.getLong("transaction"), row.getLong("seq"));
    }

    /**
     * A resuming listener reads its authority's events the shared reader has already passed. It is
     * registered before this reads the position, so every later event reaches it live.
     */
    private void catchUp(Listener listener) {
        position()
                .chain(upTo -> listener.cursor().compareTo(upTo) >= 0
                        ? Uni.createFrom().item(List.<Event>of())
                        : pool.preparedQuery("""
                                        SELECT seq, txid::text::bigint AS transaction, type, payload::text AS payload FROM case_event
                                        WHERE authority_id = $1 AND (txid, seq) > ($2::text::xid8, $3) AND (txid, seq) <= ($4::text::xid8, $5)
                                        ORDER BY txid, seq""")
                                .execute(Tuple.of(
                                        listener.authority,
                                        String.valueOf(listener.cursor().transaction()),
                                        listener.cursor().number(),
                                        String.valueOf(upTo.transaction()),
                                        upTo.number()))
                                .map(rows -> {
                                    List<Event> missed = new ArrayList<>();
                                    rows.forEach(row -> missed.add(event(row)));
                                    return missed;
                                }))
                .subscribe()
                .with(listener::caughtUp, listener.emitter::fail);
    }

    private static Event event(Row row) {
        long number = row.getLong("seq");
        return new Event(
                number,
                row.getString("type"),
                row.getString("payload"),
                new Position(row.getLong("transaction"), number));
    }

    /**
     * One clerk's open stream. While it catches up, live events wait in {@code pending}; afterwards each
     * event is emitted once, in order: the cursor drops anything at or before what the clerk has.
     */
    private static final class Listener {
        private final String authority;
        private final MultiEmitter<? super Event> emitter;
        private Position cursor;
        private List<Event> pending = new ArrayList<>();

        Listener(String authority, Position after, MultiEmitter<? super Event> emitter) {
            this.authority = authority;
            this.cursor = after;
            this.emitter = emitter;
        }

        synchronized Position cursor() {
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
            if (event.position().compareTo(cursor) > 0) {
                cursor = event.position();
                emitter.emit(event);
            }
        }
    }
}
