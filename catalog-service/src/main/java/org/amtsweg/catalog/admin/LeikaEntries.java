package org.amtsweg.catalog.admin;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LeiKa entries of the services — every write to {@code leika_entry} is here. Two ways in, two statements: a
 * service saved whole replaces its entries (an entry left out is gone), a CSV import upserts the rows it names and
 * leaves the others; an entry may move to another service only by import.
 */
@ApplicationScoped
public class LeikaEntries {

    private static final String COLUMNS =
            "leika_id, service_key, name, last_change, leika_type, legal_basis, sdg1, sdg2, status";
    private static final String INSERT = "INSERT INTO leika_entry (" + COLUMNS + """
            )
            VALUES (#{leikaId}, #{serviceKey}, #{name}, #{lastChange}, #{type}, #{legalBasis}, #{sdg1}, #{sdg2}, #{status})""";
    private static final String UPSERT = INSERT + """

            ON CONFLICT (leika_id) DO UPDATE SET service_key = excluded.service_key, name = excluded.name,
                last_change = excluded.last_change, leika_type = excluded.leika_type,
                legal_basis = excluded.legal_basis, sdg1 = excluded.sdg1, sdg2 = excluded.sdg2,
                status = excluded.status""";

    private final Pool pool;

    public LeikaEntries(Pool pool) {
        this.pool = pool;
    }

    /** The service's entries become exactly {@code entries}, in the caller's transaction. */
    Uni<Void> replace(SqlConnection connection, String serviceKey, List<ServiceInput.LeikaInput> entries) {
        return connection
                .preparedQuery("DELETE FROM leika_entry WHERE service_key = $1")
                .execute(Tuple.of(serviceKey))
                .chain(() -> Multi.createFrom()
                        .iterable(entries)
                        .onItem()
                        .transformToUniAndConcatenate(entry ->
                                SqlTemplate.forUpdate(connection, INSERT).execute(values(serviceKey, entry)))
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    /** Each row written as given, over an entry of the same LeiKa id wherever it was, in the caller's transaction. */
    Uni<Void> upsert(SqlConnection connection, List<LeikaCsv.Row> rows) {
        return Multi.createFrom()
                .iterable(rows)
                .onItem()
                .transformToUniAndConcatenate(
                        row -> SqlTemplate.forUpdate(connection, UPSERT).execute(values(row.serviceKey(), row.entry())))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Every entry, by service and LeiKa id: the CSV export. */
    Uni<List<LeikaCsv.Row>> all() {
        return pool.query("SELECT " + COLUMNS + " FROM leika_entry ORDER BY service_key, leika_id")
                .execute()
                .map(rows -> {
                    List<LeikaCsv.Row> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new LeikaCsv.Row(
                                row.getString("leika_id"),
                                row.getString("service_key"),
                                row.getString("name"),
                                row.getString("last_change"),
                                row.getString("leika_type"),
                                row.getString("legal_basis"),
                                row.getString("sdg1"),
                                row.getString("sdg2"),
                                row.getString("status")));
                    }
                    return entries;
                });
    }

    private static Map<String, Object> values(String serviceKey, ServiceInput.LeikaInput entry) {
        Map<String, Object> values = new HashMap<>();
        values.put("leikaId", entry.leikaId());
        values.put("serviceKey", serviceKey);
        values.put("name", entry.name());
        values.put("lastChange", entry.lastChange());
        values.put("type", entry.type());
        values.put("legalBasis", entry.legalBasis());
        values.put("sdg1", entry.sdg1());
        values.put("sdg2", entry.sdg2());
        values.put("status", entry.status());
        return values;
    }
}
