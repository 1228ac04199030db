package org.amtsweg.catalog.services;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.amtsweg.catalog.CatalogCaches;

/** Reads services with their LeiKa entries. */
@ApplicationScoped
public class ServiceCatalog {

    private final Pool pool;

    public ServiceCatalog(Pool pool) {
        this.pool = pool;
    }

    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<Optional<ServiceDetails>> find(String key) {
        Uni<List<LeikaEntry>> leika = pool.preparedQuery("""
                        SELECT leika_id, name, last_change, leika_type, legal_basis, sdg1, sdg2, status
                        FROM leika_entry WHERE service_key = $1 ORDER BY leika_id""")
                .execute(Tuple.of(key))
                .map(rows -> rows.stream().map(ServiceCatalog::leika).toList());
        Uni<Optional<Row>> service = pool.preparedQuery("SELECT * FROM service WHERE key = $1")
                .execute(Tuple.of(key))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next()));
        return Uni.combine()
                .all()
                .unis(service, leika)
                .asTuple()
                .map(both -> both.getItem1().map(row -> details(row, both.getItem2())));
    }

    private static ServiceDetails details(Row row, List<LeikaEntry> leika) {
        return new ServiceDetails(
                row.getString("key"),
                row.getString("name"),
                row.getString("short_description"),
                row.getString("ozg_id"),
                leika,
                row.getString("topic"),
                row.getString("situation"),
                strings(row, "responsibility_levels"),
                new ServiceDetails.Booster(
                        row.getBoolean("booster"), row.getString("booster_list"), row.getInteger("booster_position")),
                new ServiceDetails.Efa(
                        row.getBoolean("efa"),
                        row.getString("efa_operator"),
                        row.getLocalDate("efa_kickoff"),
                        row.getString("efa_productive_since")),
                new ServiceDetails.Priority(row.getInteger("priority"), row.getString("priority_note")),
                new ServiceDetails.Handling(
                        row.getString("handling"), row.getString("handling_url"), row.getString("handling_note")),
                row.getString("minimum_trust_level"),
                strings(row, "registry_checks"),
                strings(row, "synonyms"),
                row.getString("legal_basis"),
                row.getOffsetDateTime("updated_at"));
    }

    private static LeikaEntry leika(Row row) {
        return new LeikaEntry(
                row.getString("leika_id"),
                row.getString("name"),
                row.getString("last_change"),
                row.getString("leika_type"),
                row.getString("legal_basis"),
                row.getString("sdg1"),
                row.getString("sdg2"),
                row.getString("status"));
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
