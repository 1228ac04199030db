package org.amtsweg.messaging.consume;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.messaging.MessagingConfig;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.function.Function;

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

    public EventConsumption(Pool pool, ProcessedEvents processed, ObjectMapper mapper, MessagingConfig config, MeterRegistry meters,
                            @Readiness DeadLetterCount deadLetters) {
        this.pool = pool;
        this.processed = processed;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
        this.deadLetters = deadLetters;
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
        OutageLog outage = new OutageLog(consumer, event);
        return Uni.createFrom().deferred(() -> effect.apply(event))
                .onFailure(PassingFailure::isPassing).invoke(outage::failed)
                .onFailure(PassingFailure::isPassing).retry()
                .withBackOff(config.consumers().retryDelay(), config.consumers().maxRetryDelay()).indefinitely()
                .invoke(outage::recovered)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> deadLetter(message, consumer, event, failure));
    }

    /**
     * Runs {@code effect} in one transaction with the event's entry in the processed-event log; a
     * redelivered event runs nothing and yields {@code whenSeenBefore}.
     */
    public <T> Uni<T> once(IncomingEvent event, String consumer, Function<SqlConnection, Uni<T>> effect, T whenSeenBefore) {
        return pool.withTransaction(connection -> processed.firstDelivery(connection, consumer, event.id())
                .chain(first -> first ? effect.apply(connection) : Uni.createFrom().item(whenSeenBefore)));
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, IncomingEvent event, Throwable failure) {
        // With the stack trace: a dead-lettered event is read by a person, who needs to know where it failed.
        LOG.warnf(failure, "%s: event %s (%s) cannot be applied and goes to the dead-letter topic: %s", consumer,
                event == null ? "?" : event.id(), event == null ? "no CloudEvent" : event.type(), failure.getMessage());
        Counter.builder("amtsweg.events.dead.lettered").description("Events a consumer sent to its dead-letter topic")
                .tag("consumer", consumer).register(meters).increment();
        deadLetters.deadLettered(consumer);
        return Uni.createFrom().completionStage(message.nack(failure));
    }

    /** One warning when an event's effect starts failing passingly, one line when it worked again. */
    private static final class OutageLog {
        private final String consumer;
        private final IncomingEvent event;
        private int failures;

        OutageLog(String consumer, IncomingEvent event) {
            this.consumer = consumer;
            this.event = event;
        }

        void failed(Throwable failure) {
            if (failures++ == 0) {
                LOG.warnf("%s: event %s waits, a passing failure (%s); trying again until it works", consumer, event.id(),
                        failure.getMessage());
            }
        }

        void recovered() {
            if (failures > 0) {
                LOG.infof("%s: event %s applied after %d passing failures", consumer, event.id(), failures);
            }
        }
    }
}
