package org.amtsweg.catalog.responsibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Zuständigkeitsfinder: which authority is responsible for a service at a place. */
@ApplicationScoped
public class ResponsibilityResolver {

    private final Pool pool;

    public ResponsibilityResolver(Pool pool) {
        this.pool = pool;
    }

    /** The responsible authority's id, the most specific area winning; empty when nobody is responsible. */
    public Uni<Optional<Responsibility>> resolve(String serviceKey, String ags) {
        List<String> areas = AreaHierarchy.containing(ags);
        return pool.preparedQuery("""
                        SELECT area, authority_id FROM responsibility
                        WHERE service_key = $1 AND area = ANY($2)
                        ORDER BY array_position($2, area) LIMIT 1""")
                .execute(Tuple.of(serviceKey, areas.toArray(String[]::new)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next())
                                .map(row -> new Responsibility(
                                        serviceKey, ags, row.getString("area"), row.getString("authority_id"))));
    }

    /**
     * A resolved responsibility.
     *
     * @param matchedArea the area whose rule decided: the AGS itself, its state or {@code DE}
     */
    public record Responsibility(String service, String ags, String matchedArea, String authorityId) {}
}
