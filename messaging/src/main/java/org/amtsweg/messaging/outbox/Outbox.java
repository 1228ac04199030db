package org.amtsweg.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction, so that a state change and the
 * event announcing it are committed together or not at all. {@link OutboxRelay} publishes them.
 */
// Only where a relay publishes it (see OutboxRelay): an outbox without one would collect events nobody sends.
@ApplicationScoped
@IfBuildProperty(name = OutboxRelay.CHANNEL_CONNECTOR, stringValue = OutboxRelay.CONNECTOR)
public class Outbox {

    /**
     * The head of the insert, for a service's single-statement SQL that writes its outbox row from a
     * common table expression ({@code INSERT_INTO + " SELECT $1, … FROM opened"}): the values follow in
     * this order — id, topic, aggregate id, type, correlation id, payload (jsonb), created at.
     */
    public static final String INSERT_INTO =
            "INSERT INTO outbox_event (id, topic, aggregate_id, type, correlation_id, payload, created_at)";

    /** Seven values, bound by name: the same text every time, so one prepared statement per connection as before. */
    private static final String INSERT = INSERT_INTO
            + " VALUES (#{id}, #{topic}, #{aggregateId}, #{type}, #{correlationId}, #{payload}::text::jsonb, #{createdAt})";

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param aggregateId   the Kafka key, so that one aggregate's events stay in order
     * @param correlationId the application id the journey runs under
     * @return the event id; the caller nudges the relay once the transaction has committed
     */
    public Uni<UUID> append(
            SqlConnection connection,
            String topic,
            String aggregateId,
            String type,
            String correlationId,
            Object event) {
        OutboxEvent row = new OutboxEvent(
                UUID.randomUUID(),
                topic,
                aggregateId,
                type,
                correlationId,
                json(event),
                OffsetDateTime.now(ZoneOffset.UTC));
        return append(connection, row).replaceWith(row.id());
    }

    /** Writes a prepared row, e.g. one the caller hands to {@link OutboxRelay#publishCommitted} after the commit. */
    public Uni<Void> append(SqlConnection connection, OutboxEvent row) {
        // A HashMap: the correlation id may be null, which Map.of refuses.
        Map<String, Object> values = new HashMap<>(8);
        values.put("id", row.id());
        values.put("topic", row.topic());
        values.put("aggregateId", row.aggregateId());
        values.put("type", row.type());
        values.put("correlationId", row.correlationId());
        values.put("payload", row.payload());
        values.put("createdAt", row.createdAt());
        return SqlTemplate.forUpdate(connection, INSERT).execute(values).replaceWithVoid();
    }

    /** The event as JSON text, as the outbox stores it; also for statements that write the outbox row themselves. */
    public String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // The service's own record could not be written: a defect, not the sender's fault.
            throw new IllegalStateException(
                    "event " + event.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
