package org.amtsweg.catalog.search;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.amtsweg.catalog.CatalogCaches;

/** Runs catalogue searches. */
@ApplicationScoped
public class ServiceSearch {

    private final Pool pool;

    public ServiceSearch(Pool pool) {
        this.pool = pool;
    }

    /** One hit; {@code availability} is the state at the authority the search was scoped to, if any. */
    public record Hit(
            String key,
            String name,
            String shortDescription,
            String topic,
            String handling,
            String handlingUrl,
            boolean booster,
            boolean efa,
            String minimumTrustLevel,
            String availability,
            String localTitle) {}

    /** A page of hits. */
    public record Page(List<Hit> items, int page, int size, long total, String authority) {}

    /** Cached briefly: answers already allow portals to cache them for a minute (Cache-Control). */
    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<Page> search(ServiceQuery query) {
        ServiceQuery.Sql sql = query.toSql();
        return pool.withConnection(connection ->
                        SqlTemplate.forQuery(connection, sql.statement()).execute(sql.parameters()))
                .map(rows -> page(rows, query));
    }

    private static Page page(RowSet<Row> rows, ServiceQuery query) {
        List<Hit> hits = new ArrayList<>();
        long total = 0;
        for (Row row : rows) {
            total = row.getLong("total");
            hits.add(new Hit(
                    row.getString("key"),
                    row.getString("name"),
                    row.getString("short_description"),
                    row.getString("topic"),
                    row.getString("handling"),
                    row.getString("handling_url"),
                    row.getBoolean("booster"),
                    row.getBoolean("efa"),
                    row.getString("minimum_trust_level"),
                    row.getString("availability"),
                    row.getString("local_title")));
        }
        return new Page(hits, query.page(), query.size(), total, query.authorityId());
    }
}
