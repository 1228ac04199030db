package org.amtsweg.catalog.messaging;

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
 * Publishes the outbox to Kafka as CloudEvents (binary mode) and marks what the broker acknowledged.
 * A crash before the mark re-publishes the batch; consumers drop the duplicates by event id.
 *
 * <p>Only one relay publishes at a time across all instances (a transaction-scoped advisory lock),
 * in outbox order, so that one aggregate's events reach its partition in the order they were written.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x616d747377656701L;
    private static final int BATCH = 256;
    private static final URI SOURCE = URI.create("urn:amtsweg:catalog-service");

    private final Pool pool;

    // Field injection: the messaging extension connects emitters only at injection points it can see as fields.
    @Inject
    @Channel("events-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

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

    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("locked") ? publishUnderLock(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishUnderLock(SqlConnection connection) {
        return connection.preparedQuery("""
                        SELECT id, topic, aggregate_id, type, correlation_id, payload::text AS payload, created_at
                        FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(BATCH))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>();
                    // Sent in order without waiting in between; the idempotent producer keeps that order per partition.
                    List<CompletableFuture<Void>> acks = send(rows, ids);
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .chain(() -> connection.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .replaceWith(ids.size());
                });
    }

    private List<CompletableFuture<Void>> send(RowSet<Row> rows, List<UUID> ids) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            ids.add(id);
            String traceparent = TraceContext.traceparent(row.getString("correlation_id"), id.toString());
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                    .withId(id.toString())
                    .withType(row.getString("type"))
                    .withSource(SOURCE)
                    .withSubject(row.getString("aggregate_id"))
                    .withTimestamp(row.getOffsetDateTime("created_at").atZoneSameInstant(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withExtension(CloudEventAttributes.CORRELATION_ID, row.getString("correlation_id"))
                    // CloudEvents' distributed-tracing extension; the plain header below is what tracing agents read.
                    .withExtension("traceparent", traceparent)
                    .build();
            OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.getString("topic"))
                    .withKey(row.getString("aggregate_id"))
                    .withHeaders(new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)))
                    .build();
            emitter.send(Message.of(row.getString("payload"), Metadata.of(cloudEvent, kafka),
                    () -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        }
        return acks;
    }
}
