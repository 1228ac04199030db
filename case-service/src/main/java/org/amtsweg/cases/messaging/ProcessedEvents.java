package org.amtsweg.cases.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The processed-event log: records an event id in the consumer's transaction, so that a redelivered
 * event is recognised and changes nothing (Debezium's MessageLog).
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True if this is the first time {@code consumer} sees {@code eventId}; the record commits with the caller's change. */
    public Uni<Boolean> firstDelivery(SqlConnection connection, String consumer, String eventId) {
        return connection.preparedQuery("INSERT INTO processed_event (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(eventId, consumer))
                .map(result -> result.rowCount() == 1);
    }
}
