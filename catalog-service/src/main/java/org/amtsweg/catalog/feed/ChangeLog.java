package org.amtsweg.catalog.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of which feed documents changed (table {@code feed_change}), written in the transaction of every
 * administrative change and read by {@code GET /feed/changes}. One audit entity may touch several documents: an
 * authority's name and municipalities appear in the offers of every service it offers, so its change is also theirs.
 */
@ApplicationScoped
public class ChangeLog {

    /** Serialises the handing out of positions: a later position never commits before an earlier one. */
    private static final long POSITION_LOCK = 0x616d747377656702L;

    private static final String NEXT = "(SELECT coalesce(max(position), 0) FROM feed_change)";

    private final Pool pool;

    public ChangeLog(Pool pool) {
        this.pool = pool;
    }

    /** One change as the feed shows it: the document's kind and id, and whether it was changed or deleted. */
    public record Entry(long position, String entity, String entityId, String change, OffsetDateTime changedAt) {}

    /**
     * Notes the feed documents an administrative change touched, inside its transaction.
     *
     * @param auditEntity the audit's entity ({@code SERVICE}, {@code FORM}, {@code AUTHORITY}, {@code RESPONSIBILITY},
     *                    {@code AVAILABILITY}, {@code PLACE}) and its id as the audit writes it
     */
    public Uni<Void> afterChange(SqlConnection connection, String auditEntity, String entityId) {
        return switch (auditEntity) {
            case "SERVICE", "FORM" -> service(connection, entityId);
            // "{authority}/{service}" and "{service}@{area}": both change the service's offers.
            case "AVAILABILITY" -> service(connection, entityId.substring(entityId.indexOf('/') + 1));
            case "RESPONSIBILITY" -> service(connection, entityId.substring(0, entityId.lastIndexOf('@')));
            case "AUTHORITY" -> authority(connection, entityId);
            // Municipalities are not part of the feed's documents (an authority names its AGS codes, not their names).
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> service(SqlConnection connection, String key) {
        return lock(connection)
                .chain(() -> connection
                        .preparedQuery("INSERT INTO feed_change (position, entity, entity_id, change) SELECT " + NEXT
                                + " + 1, 'service', $1, 'updated'")
                        .execute(Tuple.of(key)))
                .replaceWithVoid();
    }

    private Uni<Void> authority(SqlConnection connection, String id) {
        return lock(connection)
                .chain(() -> connection
                        .preparedQuery("INSERT INTO feed_change (position, entity, entity_id, change) SELECT " + NEXT
                                + " + 1, 'authority', $1, 'updated'")
                        .execute(Tuple.of(id)))
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO feed_change (position, entity, entity_id, change)
                                SELECT %s + row_number() OVER (ORDER BY service_key), 'service', service_key, 'updated'
                                FROM (SELECT service_key FROM availability WHERE authority_id = $1
                                      UNION SELECT service_key FROM responsibility WHERE authority_id = $1) offered""".formatted(NEXT)).execute(Tuple.of(id)))
                .replaceWithVoid();
    }

    private static Uni<Void> lock(SqlConnection connection) {
        return connection
                .preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(POSITION_LOCK))
                .replaceWithVoid();
    }

    /** The last position committed: a full feed read after it contains every change up to it. */
    public Uni<Long> head() {
        return pool.query("SELECT coalesce(max(position), 0) AS head FROM feed_change")
                .execute()
                .map(rows -> rows.iterator().next().getLong("head"));
    }

    /** Up to {@code limit} changes after {@code position}, in order. */
    public Uni<List<Entry>> after(long position, int limit) {
        return pool.preparedQuery("""
                        SELECT position, entity, entity_id, change, changed_at FROM feed_change
                        WHERE position > $1 ORDER BY position LIMIT $2""").execute(Tuple.of(position, limit)).map(rows -> {
            List<Entry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new Entry(
                        row.getLong("position"),
                        row.getString("entity"),
                        row.getString("entity_id"),
                        row.getString("change"),
                        row.getOffsetDateTime("changed_at")));
            }
            return entries;
        });
    }
}
