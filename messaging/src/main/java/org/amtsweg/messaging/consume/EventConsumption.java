package org.amtsweg.messaging.consume;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.amtsweg.messaging.MessagingConfig;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The consumer skeleton every service's {@code @Incoming} method runs its effect in:
 * <ol>
 *   <li>the record is read as a CloudEvent, its correlation id goes into the log context ({@code cid});</li>
 *   <li>the effect runs — usually {@link #once}: its changes and the processed-event entry in one
 *       transaction, so a redelivery changes nothing;</li>
 *   <li>on success the record is acknowledged (its offset committed only after the transaction);</li>
 *   <li>a passing failure (the database away, a serialization race) is tried again with growing delays
 *       for as long as it takes — the partition waits, nothing is skipped and nothing is dead-lettered;</li>
 *   <li>any other failure means the event can never succeed: it is nacked, which the channel's
 *       {@code failure-strategy=dead-letter-queue} turns into a record on the dead-letter topic with the
 *       reason in its {@code dead-letter-reason} header, and the stream goes on.</li>
 * </ol>
 * A channel read in batches ({@code batch=true}) runs {@link #consumeBatch}: the same promises, one transaction per poll.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    private final Pool pool;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;
    private final MessagingConfig config;
    private final MeterRegistry meters;
    private final DeadLetterCount deadLetters;
    private final EffectSpan spans;

    public EventConsumption(
            Pool pool,
            ProcessedEvents processed,
            ObjectMapper mapper,
            MessagingConfig config,
            MeterRegistry meters,
            @Readiness DeadLetterCount deadLetters,
            EffectSpan spans) {
        this.pool = pool;
        this.processed = processed;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.spans = spans;
    }

    /**
     * @param consumer the consumer's name, e.g. {@code case-service.applications}: in logs and metrics
     * @param effect   what the event does; throw {@link PoisonEvent} for an event that can never succeed
     */
    public Uni<Void> consume(Message<String> message, String consumer, Function<IncomingEvent, Uni<?>> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(message, mapper);
        } catch (PoisonEvent poison) {
            return deadLetter(message, consumer, null, poison);
        }
        MDC.put("correlationId", String.valueOf(event.correlationId()));
        return spans.around(
                        message,
                        consumer,
                        () -> untilNotPassing(new OutageLog(consumer, event.id()), () -> effect.apply(event)))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> deadLetter(message, consumer, event, failure));
    }

    /**
     * The skeleton for a channel read in batches ({@code batch=true}), for consumers whose effect per event is
     * small — a counter — so that one commit per event would be most of their cost: the events of a poll, each
     * seen for the first time, go to {@code effect} in one transaction with their processed-event entries (one
     * statement). A passing failure tries the whole batch again. Any other failure applies the batch's events one by
     * one, so that only an event that can never succeed goes to the dead-letter topic. Dead letters are sent after
     * the other events committed and before the batch is acknowledged: no offset is committed ahead of an effect.
     *
     * @param effect what the first deliveries do, in the order the batch holds them (per partition, the topic's
     *               order); throw {@link PoisonEvent} for an event that can never succeed
     */
    public Uni<Void> consumeBatch(
            KafkaRecordBatch<String, String> batch,
            String consumer,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<Void>> effect) {
        return consumeBatch(batch, consumer, event -> true, effect);
    }

    /**
     * {@link #consumeBatch(KafkaRecordBatch, String, BiFunction)} for a consumer that acts on some of a topic's types
     * only: an event {@code handled} refuses is acknowledged with its batch and never written to the processed-event
     * log — on a topic of many types most events would otherwise cost a row that says nothing; a poll of such events
     * only opens no transaction.
     */
    public Uni<Void> consumeBatch(
            KafkaRecordBatch<String, String> batch,
            String consumer,
            Predicate<IncomingEvent> handled,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<Void>> effect) {
        return consumeBatch(batch, consumer, handled, effect, nothing -> {});
    }

    /**
     * As {@link #consumeBatch(KafkaRecordBatch, String, Predicate, BiFunction)}, and {@code committed} is handed what
     * the effect yielded once its transaction has committed — for what must follow the commit and only a commit, e.g.
     * sending the events the transaction wrote into the outbox: an attempt that rolled back (and was tried again, or
     * split into single events) yields nothing there. Called once per committed transaction, before the batch is
     * acknowledged; not called where the effect yields {@code null} or every event had been seen before.
     */
    public <R> Uni<Void> consumeBatch(
            KafkaRecordBatch<String, String> batch,
            String consumer,
            Predicate<IncomingEvent> handled,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<R>> effect,
            Consumer<R> committed) {
        List<Received> events = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                IncomingEvent event = IncomingEvent.of(record, mapper);
                if (handled.test(event)) {
                    events.add(new Received(record, event));
                }
            } catch (PoisonEvent poison) {
                refused.add(new Refused(record, null, poison));
            }
        }
        if (events.isEmpty()) {
            return deadLetterAll(consumer, refused).chain(() -> Uni.createFrom().completionStage(batch.ack()));
        }
        OutageLog outage = new OutageLog(
                consumer,
                events.size() + " events from " + events.get(0).event().id());
        return spans.aroundBatch(
                        batch.getRecords(),
                        consumer,
                        () -> untilNotPassing(outage, () -> inOneTransaction(consumer, events, effect, committed))
                                .onFailure()
                                .recoverWithUni(failure -> oneByOne(consumer, events, effect, committed, refused)))
                .chain(() -> deadLetterAll(consumer, refused))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private <R> Uni<Void> inOneTransaction(
            String consumer,
            List<Received> events,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<R>> effect,
            Consumer<R> committed) {
        // A record the producer sent twice may come twice in one poll: its first occurrence counts.
        Map<String, IncomingEvent> byId = new LinkedHashMap<>();
        events.forEach(received -> byId.putIfAbsent(received.event().id(), received.event()));
        return pool.withTransaction(connection -> processed
                        .firstDeliveries(connection, consumer, byId.keySet())
                        .chain(first -> {
                            List<IncomingEvent> fresh = byId.values().stream()
                                    .filter(event -> first.contains(event.id()))
                                    .toList();
                            return fresh.isEmpty() ? Uni.createFrom().<R>nullItem() : effect.apply(connection, fresh);
                        }))
                .invoke(result -> {
                    if (result != null) {
                        committed.accept(result);
                    }
                })
                .replaceWithVoid();
    }

    /** After a batch failed for good: each event alone, so that the one that cannot succeed is found and the others apply. */
    private <R> Uni<Void> oneByOne(
            String consumer,
            List<Received> events,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<R>> effect,
            Consumer<R> committed,
            List<Refused> refused) {
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(received -> {
                    MDC.put("correlationId", String.valueOf(received.event().correlationId()));
                    return untilNotPassing(
                                    new OutageLog(consumer, received.event().id()),
                                    () -> inOneTransaction(consumer, List.of(received), effect, committed))
                            .onFailure()
                            .recoverWithItem(failure -> {
                                refused.add(new Refused(received.record(), received.event(), failure));
                                return null;
                            });
                })
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> deadLetterAll(String consumer, List<Refused> refused) {
        return Multi.createFrom()
                .iterable(refused)
                .onItem()
                .transformToUniAndConcatenate(r -> deadLetter(r.record(), consumer, r.event(), r.failure()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Runs {@code effect} again with growing delays for as long as it fails passingly (the database away, a lost race). */
    private <T> Uni<T> untilNotPassing(OutageLog outage, Supplier<Uni<? extends T>> effect) {
        return Uni.createFrom()
                .deferred(effect)
                .onFailure(PassingFailure::isPassing)
                .invoke(outage::failed)
                .onFailure(PassingFailure::isPassing)
                .retry()
                .withBackOff(config.consumers().retryDelay(), config.consumers().maxRetryDelay())
                .indefinitely()
                .invoke(outage::recovered);
    }

    private record Received(KafkaRecord<String, String> record, IncomingEvent event) {}

    private record Refused(KafkaRecord<String, String> record, IncomingEvent event, Throwable failure) {}

    /**
     * Runs {@code effect} in one transaction with the event's entry in the processed-event log; a
     * redelivered event runs nothing and yields {@code whenSeenBefore}.
     */
    public <T> Uni<T> once(
            IncomingEvent event, String consumer, Function<SqlConnection, Uni<T>> effect, T whenSeenBefore) {
        return pool.withTransaction(connection -> processed
                .firstDelivery(connection, consumer, event.id())
                .chain(first ->
                        first ? effect.apply(connection) : Uni.createFrom().item(whenSeenBefore)));
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, IncomingEvent event, Throwable failure) {
        // With the stack trace: a dead-lettered event is read by a person, who needs to know where it failed.
        LOG.warnf(
                failure,
                "%s: event %s (%s) cannot be applied and goes to the dead-letter topic: %s",
                consumer,
                event == null ? "?" : event.id(),
                event == null ? "no CloudEvent" : event.type(),
                failure.getMessage());
        Counter.builder("amtsweg.events.dead.lettered")
                .description("Events a consumer sent to its dead-letter topic")
                .tag("consumer", consumer)
                .register(meters)
                .increment();
        deadLetters.deadLettered(consumer);
        return Uni.createFrom().completionStage(message.nack(failure));
    }

    /** One warning when an effect starts failing passingly, one line when it worked again. */
    private static final class OutageLog {
        private final String consumer;
        private final String what;
        private int failures;

        OutageLog(String consumer, String what) {
            this.consumer = consumer;
            this.what = what;
        }

        void failed(Throwable failure) {
            if (failures++ == 0) {
                LOG.warnf(
                        "%s: event %s waits, a passing failure (%s); trying again until it works",
                        consumer, what, failure.getMessage());
            }
        }

        void recovered() {
            if (failures > 0) {
                LOG.infof("%s: event %s applied after %d passing failures", consumer, what, failures);
            }
        }
    }
}
