package org.amtsweg.cases.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction, so that a state change and
 * the event announcing it are committed together or not at all. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param aggregateId   the Kafka key, so that one aggregate's events stay in order
     * @param correlationId the application id the journey runs under
     */
    public Uni<UUID> append(SqlConnection connection, String topic, String aggregateId, String type, String correlationId, Object event) {
        UUID id = UUID.randomUUID();
        return connection.preparedQuery("""
                        INSERT INTO outbox_event (id, topic, aggregate_id, type, correlation_id, payload)
                        VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)""")
                .execute(Tuple.from(new Object[]{id, topic, aggregateId, type, correlationId, json(event)}))
                .replaceWith(id);
    }

    /** The event as JSON text, as the outbox stores it; also for statements that write the outbox row themselves. */
    public String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON", e);
        }
    }
}
