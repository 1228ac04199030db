package org.amtsweg.messaging.consume;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The processed-event log: records an event id in the consumer's transaction, so that a redelivered
 * event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * For a service's single-statement SQL: a common table expression that yields the event id only on
     * its first delivery — {@code WITH first AS (" + ProcessedEvents.FIRST_DELIVERY.formatted("$1", "$2") + ")}
     * with the placeholders of the event id and the consumer name.
     */
    public static final String FIRST_DELIVERY =
            "INSERT INTO processed_event (event_id, consumer) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING event_id";

    /** True if this is the first time {@code consumer} sees {@code eventId}; the entry commits with the caller's change. */
    public Uni<Boolean> firstDelivery(SqlConnection connection, String consumer, String eventId) {
        return connection.preparedQuery(FIRST_DELIVERY.formatted("$1", "$2"))
                .execute(Tuple.of(eventId, consumer))
                .map(result -> result.rowCount() == 1);
    }
}
