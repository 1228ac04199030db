package org.amtsweg.messaging.consume;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * The same, for a statement whose effect needs something to exist first: the entry is written only if the
     * named common table expression yields a row — {@code FIRST_DELIVERY_IF.formatted("$1", "$2", "known")}. When it
     * yields none, nothing is recorded, so the event can be applied once that thing exists (or be re-driven from
     * the dead-letter topic) instead of counting as applied.
     */
    public static final String FIRST_DELIVERY_IF =
            "INSERT INTO processed_event (event_id, consumer) SELECT %s, %s FROM %s ON CONFLICT DO NOTHING RETURNING event_id";

    /** True if this is the first time {@code consumer} sees {@code eventId}; the entry commits with the caller's change. */
    public Uni<Boolean> firstDelivery(SqlConnection connection, String consumer, String eventId) {
        return connection
                .preparedQuery(FIRST_DELIVERY.formatted("$1", "$2"))
                .execute(Tuple.of(eventId, consumer))
                .map(result -> result.rowCount() == 1);
    }

    /** Of these event ids, those {@code consumer} sees for the first time; their entries commit with the caller's change. */
    public Uni<Set<String>> firstDeliveries(SqlConnection connection, String consumer, Collection<String> eventIds) {
        return connection
                .preparedQuery("""
                        INSERT INTO processed_event (event_id, consumer) SELECT id, $2 FROM unnest($1::text[]) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .execute(Tuple.of(eventIds.toArray(String[]::new), consumer))
                .map(rows -> {
                    Set<String> first = new HashSet<>();
                    rows.forEach(row -> first.add(row.getString(0)));
                    return first;
                });
    }
}
