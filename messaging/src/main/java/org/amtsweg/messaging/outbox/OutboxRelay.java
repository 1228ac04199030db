package org.amtsweg.messaging.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.amtsweg.messaging.CoalescingRun;
import org.amtsweg.messaging.MessagingConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka through the channel {@code events-out} (each service configures it:
 * acks=all, idempotent, CloudEvents binary mode) and deletes what the broker acknowledged: the outbox
 * holds only what is still to be sent, the topic is the record of what was, and a citizen's data is not
 * kept a second time. A crash before the deletion publishes the event again; consumers drop the
 * duplicate by its id.
 *
 * <p>Two ways out. The busy path ({@link #publishCommitted}) sends an event the moment its transaction
 * has committed, from memory — no polling delay, no second read. The sweep ({@link #nudge}, and a poll
 * every {@code amtsweg.messaging.poll-interval}) publishes whatever is still there: events written by
 * other paths, those whose immediate send failed, those of an instance that crashed. One sweep runs at a
 * time across all instances (a transaction-scoped advisory lock), in outbox order, so one aggregate's
 * events reach its partition in the order they were written; it leaves alone what this instance is
 * sending right now or has announced with {@link #expect}.
 *
 * <p>Only a service that publishes has a relay: one that configures the channel {@code events-out}. A service that
 * only consumes (usage-service) declares no outgoing channel, and this bean, the {@link Outbox} and the
 * {@code AuditTrail} are then left out of its build: no emitter, no producer, no sweep of an outbox that stays empty —
 * and no Kafka user that must be allowed to write a topic for a relay that never sends. Decided when the service is
 * built, because the messaging extension wires (or, for an unconfigured channel, invents) the channel of every emitter
 * it finds at build time; a service that appends to its outbox without the channel fails its build for want of an
 * {@link Outbox}, instead of collecting events nobody sends.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.CHANNEL_CONNECTOR, stringValue = OutboxRelay.CONNECTOR)
public class OutboxRelay {

    /** The channel every outbox is published through; the record's metadata picks each event's topic. */
    public static final String CHANNEL = "events-out";
    /** Configured by the services that publish, and only by them. */
    public static final String CHANNEL_CONNECTOR = "mp.messaging.outgoing." + CHANNEL + ".connector";

    public static final String CONNECTOR = "smallrye-kafka";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The same number in every service: each has its own database, and so its own lock space. */
    private static final long RELAY_LOCK = 0x616d747377656701L;
    /** A removal round waits this long, so that under load one statement removes many rows. */
    private static final Duration REMOVAL_DELAY = Duration.ofMillis(20);

    private static final int REMOVAL_BATCH = 1000;
    private static final String REMOVE = "DELETE FROM outbox_event WHERE id = ANY($1)";

    private final Pool pool;
    private final MessagingConfig config;
    private final CoalescingRun sweep;

    // Field injection: the messaging extension connects emitters only at injection points it can see as fields.
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    /** Sent immediately and not yet removed: the sweep must not send these a second time. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** Announced before their rows commit (the time of the announcement), not yet handed to {@link #publishCommitted}. */
    private final Map<UUID, Long> expected = new ConcurrentHashMap<>();
    /** Acknowledged by the broker, to be removed by the next removal round. */
    private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean removing = new AtomicBoolean();
    /** Immediate publications that failed since the last one that worked (the broker away): for one log line per outage. */
    private final AtomicLong failedPublications = new AtomicLong();

    public OutboxRelay(Pool pool, MessagingConfig config) {
        this.pool = pool;
        this.config = config;
        this.sweep = new CoalescingRun(
                LOG, "outbox relay", this::publishBatch, published -> published == config.batchSize());
    }

    /**
     * Catches what a nudge missed (another instance held the lock, the broker was away). Not while the
     * application starts: the channels are wired only then, and a sweep before could not reach the
     * emitter (a slow start took longer than any fixed delay); nor while it shuts down.
     */
    @Scheduled(
            every = "${amtsweg.messaging.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        nudge();
    }

    /** Asks for a sweep soon, e.g. after a transaction that appended events has committed; sweeps coalesce. */
    public void nudge() {
        sweep.nudge();
    }

    /**
     * Announces an event whose outbox row is about to be written: from now on the sweep leaves it to
     * {@link #publishCommitted}. Marked only after the commit, the sweep could read the committed row in
     * between and send it a second time (seen: one ApplicationSubmitted twice, 2 ms apart).
     */
    public void expect(UUID eventId) {
        expected.put(eventId, System.nanoTime());
    }

    /** The row announced by {@link #expect} was not written after all. */
    public void forget(UUID eventId) {
        expected.remove(eventId);
    }

    /**
     * Sends an event whose outbox row has just been committed; the sweep takes over if this fails.
     *
     * @return completes once the broker has acknowledged the event, or once it is left to the sweep (this send failed, or
     *     an earlier one had): what may follow only after the event — its aggregate's next event, say — can wait for it.
     *     A follower sent after an event the sweep took over goes through the sweep as well (see above), behind it.
     */
    public CompletionStage<Void> publishCommitted(OutboxEvent event) {
        expected.remove(event.id());
        if (failedPublications.get() > 0) {
            // An earlier immediate publication failed and waits in the outbox: sent now, this event could overtake an
            // earlier one of the same aggregate on its partition. The sweep sends both, in the order they were written.
            nudge();
            return CompletableFuture.completedFuture(null);
        }
        inFlight.add(event.id());
        return send(event).handle((ignored, failure) -> {
            if (failure == null) {
                acknowledged.add(event.id());
                removeAcknowledged();
            } else {
                inFlight.remove(event.id());
                // Once per outage: from now on every event stays in the outbox for the sweep, until it has sent them
                // all.
                if (failedPublications.getAndIncrement() == 0) {
                    LOG.warnf(
                            "immediate publication of %s failed; the sweep sends it and every event written after it until"
                                    + " publications work again (logged once): %s",
                            event.id(), failure.getMessage());
                }
            }
            return null;
        });
    }

    /** The sweep has sent everything that was left (the broker is back): events go out right after their commit again. */
    private void immediatePublicationsResume() {
        long failed = failedPublications.getAndSet(0);
        if (failed > 0) {
            LOG.infof(
                    "publications work again; the sweep sent the %d events whose immediate publication failed, and those written"
                            + " meanwhile, in order; events go out right after their commit again",
                    failed);
        }
    }

    /**
     * What the sweep leaves alone: events being sent, and events announced within {@code announced-for} —
     * after that the sweep sends them, so that a request cancelled between commit and send loses nothing.
     */
    private UUID[] notForTheSweep() {
        long oldest = System.nanoTime() - config.announcedFor().toNanos();
        expected.values().removeIf(announced -> announced < oldest);
        Set<UUID> skipped = new HashSet<>(inFlight);
        skipped.addAll(expected.keySet());
        return skipped.toArray(UUID[]::new);
    }

    /**
     * Removes acknowledged events, one statement per round. The removal commits without waiting for the
     * disk: one lost in a crash only means the sweep publishes the event again, and consumers drop it by its id.
     */
    private void removeAcknowledged() {
        if (!removing.compareAndSet(false, true)) {
            return;
        }
        Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(REMOVAL_DELAY)
                .chain(() -> {
                    List<UUID> ids = new ArrayList<>();
                    for (UUID id = acknowledged.poll();
                            id != null && ids.size() < REMOVAL_BATCH;
                            id = acknowledged.poll()) {
                        ids.add(id);
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(ids);
                    }
                    return pool.withTransaction(connection -> connection
                                    .query("SET LOCAL synchronous_commit = off")
                                    .execute()
                                    .chain(() -> connection
                                            .preparedQuery(REMOVE)
                                            .execute(Tuple.of(ids.toArray(UUID[]::new)))))
                            .onFailure()
                            .invoke(failure -> {
                                // Still there, they stay in flight here and are removed with the next round.
                                acknowledged.addAll(ids);
                                LOG.debugf("removing published events failed, will retry: %s", failure.getMessage());
                            })
                            .replaceWith(ids);
                })
                .subscribe()
                .with(
                        ids -> {
                            ids.forEach(inFlight::remove);
                            removing.set(false);
                            if (!acknowledged.isEmpty()) {
                                removeAcknowledged();
                            }
                        },
                        failure -> {
                            removing.set(false);
                            // The database is away: try again with the next acknowledgement or sweep, not in a tight
                            // loop.
                        });
    }

    Uni<Integer> publishBatch() {
        if (!acknowledged.isEmpty()) {
            removeAcknowledged();
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("locked")
                        ? publishUnderLock(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishUnderLock(SqlConnection connection) {
        return connection
                .preparedQuery("""
                        SELECT id, topic, aggregate_id, type, correlation_id, payload::text AS payload, created_at
                        FROM outbox_event WHERE NOT (id = ANY($2)) ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(config.batchSize(), notForTheSweep()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        immediatePublicationsResume();
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>();
                    // Sent in order without waiting in between; the idempotent producer keeps that order per partition.
                    List<CompletableFuture<Void>> acks = sendSwept(rows, ids);
                    return Uni.createFrom()
                            .completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .chain(() -> connection.preparedQuery(REMOVE).execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .invoke(() -> {
                                if (rows.size() < config.batchSize()) {
                                    immediatePublicationsResume();
                                }
                            })
                            .replaceWith(rows.size());
                });
    }

    private List<CompletableFuture<Void>> sendSwept(RowSet<Row> rows, List<UUID> ids) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            if (inFlight.contains(id) || expected.containsKey(id)) {
                continue; // announced after the query's list of those in flight was taken: sent immediately
            }
            ids.add(id);
            acks.add(send(new OutboxEvent(
                    id,
                    row.getString("topic"),
                    row.getString("aggregate_id"),
                    row.getString("type"),
                    row.getString("correlation_id"),
                    row.getString("payload"),
                    row.getOffsetDateTime("created_at"))));
        }
        return acks;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            emitter.send(CloudEventRecord.of(event, config.source(), ack));
        } catch (RuntimeException refused) {
            // E.g. the channel's buffer is full or the channel failed: the row stays, a later sweep sends it.
            ack.completeExceptionally(refused);
        }
        return ack;
    }
}
