package org.amtsweg.application.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.amtsweg.events.CloudEventAttributes;
import org.amtsweg.events.TraceContext;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka as CloudEvents (binary mode) and removes what the broker acknowledged:
 * the outbox holds only what is still to be sent, the topic is the record of what was, and the
 * applicant's data is not kept a second time. A crash before the removal re-publishes the event;
 * consumers drop the duplicates by event id.
 *
 * <p>Two ways out. The busy path ({@link #publishCommitted}) sends an event the moment its transaction
 * has committed, from memory, and removes it once the broker acknowledged — no polling delay, no second
 * read. The sweep ({@link #nudge}, and a poll every second) publishes whatever is still there:
 * events written by other paths, and those whose immediate send failed or whose instance crashed.
 * Only one sweep runs at a time across all instances (a transaction-scoped advisory lock), in outbox
 * order; it leaves alone what this instance is sending right now.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x616d747377656701L;
    private static final int BATCH = 256;
    private static final java.time.Duration REMOVAL_DELAY = java.time.Duration.ofMillis(20);
    private static final String REMOVE = "DELETE FROM outbox_event WHERE id = ANY($1)";
    private static final URI SOURCE = URI.create("urn:amtsweg:application-service");

    private final Pool pool;

    // Field injection: the messaging extension connects emitters only at injection points it can see as fields.
    @Inject
    @Channel("events-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Sent immediately and not yet removed: the sweep must not send these a second time. */
    private final java.util.Set<UUID> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Announced before their rows commit (the time of the announcement), not yet handed to {@link #publishCommitted}. */
    private final java.util.Map<UUID, Long> expected = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.time.Duration EXPECTED_FOR = java.time.Duration.ofSeconds(10);
    /** Acknowledged by the broker, to be removed by the next removal round. */
    private final java.util.Queue<UUID> acknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean removing = new AtomicBoolean();

    /** An outbox row that has just been committed, as the busy path sends it. */
    public record Committed(UUID id, String topic, String aggregateId, String type, String correlationId, String payload,
                            java.time.OffsetDateTime createdAt) {
    }

    public OutboxRelay(Pool pool) {
        this.pool = pool;
    }

    /** Catches what a nudge missed (another instance held the lock, the broker was away). */
    // Delayed: the first run must not come before the messaging channels are wired.
    @Scheduled(every = "${amtsweg.outbox.poll-interval:1s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Asks for a relay run soon; runs coalesce, so a burst of commits costs few runs. */
    public void nudge() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            requested.set(false);
            publishBatch().subscribe().with(published -> {
                running.set(false);
                if (published == BATCH || requested.get()) {
                    nudge();
                }
            }, failure -> {
                running.set(false);
                LOG.warnf("outbox relay failed, will retry: %s", failure.getMessage());
            });
        }
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
     * What the sweep leaves alone: events being sent, and events announced within {@link #EXPECTED_FOR} —
     * after that the sweep sends them, so that a request cancelled between commit and send loses nothing.
     */
    private UUID[] notForTheSweep() {
        long oldest = System.nanoTime() - EXPECTED_FOR.toNanos();
        expected.values().removeIf(announced -> announced < oldest);
        java.util.Set<UUID> skipped = new java.util.HashSet<>(inFlight);
        skipped.addAll(expected.keySet());
        return skipped.toArray(UUID[]::new);
    }

    /** Sends an event whose outbox row has just been committed; the sweep takes over if this fails. */
    public void publishCommitted(Committed event) {
        inFlight.add(event.id());
        expected.remove(event.id());
        CompletableFuture<Void> ack;
        try {
            ack = send(event.id(), event.topic(), event.aggregateId(), event.type(), event.correlationId(), event.payload(), event.createdAt());
        } catch (RuntimeException refused) {
            // E.g. the channel's buffer is full: the row is committed, the sweep sends it.
            ack = CompletableFuture.failedFuture(refused);
        }
        ack.whenComplete((ignored, failure) -> {
            if (failure == null) {
                acknowledged.add(event.id());
                removeAcknowledged();
            } else {
                inFlight.remove(event.id());
                LOG.warnf("immediate publication of %s failed, the sweep retries: %s", event.id(), failure.getMessage());
            }
        });
    }

    /**
     * Removes acknowledged events, one statement per round; a round waits briefly so that under load it
     * removes many at once. The removal commits without waiting for the disk: one lost in a crash only
     * means the sweep publishes the event again, and consumers drop it by its id.
     */
    private void removeAcknowledged() {
        if (!removing.compareAndSet(false, true)) {
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(REMOVAL_DELAY).chain(() -> {
            List<UUID> ids = new ArrayList<>();
            for (UUID id = acknowledged.poll(); id != null && ids.size() < 1000; id = acknowledged.poll()) {
                ids.add(id);
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().item(ids);
            }
            return pool.withTransaction(connection -> connection.query("SET LOCAL synchronous_commit = off").execute()
                            .chain(() -> connection.preparedQuery(REMOVE).execute(Tuple.of(ids.toArray(UUID[]::new)))))
                    .onFailure().invoke(failure -> {
                        // Still there, they stay in flight here and are removed with the next round.
                        acknowledged.addAll(ids);
                        LOG.warnf("removing published events failed, will retry: %s", failure.getMessage());
                    })
                    .replaceWith(ids);
        }).subscribe().with(ids -> {
            ids.forEach(inFlight::remove);
            removing.set(false);
            if (!acknowledged.isEmpty()) {
                removeAcknowledged();
            }
        }, failure -> {
            removing.set(false);
            removeAcknowledged();
        });
    }

    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("locked") ? publishUnderLock(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishUnderLock(SqlConnection connection) {
        return connection.preparedQuery("""
                        SELECT id, topic, aggregate_id, type, correlation_id, payload::text AS payload, created_at
                        FROM outbox_event WHERE NOT (id = ANY($2)) ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(BATCH, notForTheSweep()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>();
                    // Sent in order without waiting in between; the idempotent producer keeps that order per partition.
                    List<CompletableFuture<Void>> acks = send(rows, ids);
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .chain(() -> connection.preparedQuery(REMOVE).execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .replaceWith(ids.size());
                });
    }

    private List<CompletableFuture<Void>> send(RowSet<Row> rows, List<UUID> ids) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            if (inFlight.contains(id) || expected.containsKey(id)) {
                continue; // announced after the query's list of those in flight was taken: sent immediately
            }
            ids.add(id);
            acks.add(send(id, row.getString("topic"), row.getString("aggregate_id"), row.getString("type"), row.getString("correlation_id"),
                    row.getString("payload"), row.getOffsetDateTime("created_at")));
        }
        return acks;
    }

    private CompletableFuture<Void> send(UUID id, String topic, String aggregateId, String type, String correlationId, String payload,
                                         java.time.OffsetDateTime createdAt) {
        String traceparent = TraceContext.traceparent(correlationId, id.toString());
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id.toString())
                .withType(type)
                .withSource(SOURCE)
                .withSubject(aggregateId)
                .withTimestamp(createdAt.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.CORRELATION_ID, correlationId)
                // CloudEvents' distributed-tracing extension; the plain header below is what tracing agents read.
                .withExtension("traceparent", traceparent)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(aggregateId)
                .withHeaders(new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)))
                .build();
        emitter.send(Message.of(payload, Metadata.of(cloudEvent, kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }
}
