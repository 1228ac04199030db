package org.amtsweg.catalog.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads published form versions; older versions stay readable because applications pin them. */
@ApplicationScoped
public class FormCatalog {

    private static final String COLUMNS =
            "service_key, version, schema::text AS schema, presentation::text AS presentation, published_at, published_by";

    private final Pool pool;
    private final ObjectMapper mapper;

    public FormCatalog(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Optional<FormVersion>> current(String serviceKey) {
        return pool.preparedQuery(
                        "SELECT " + COLUMNS + " FROM form_version WHERE service_key = $1 ORDER BY version DESC LIMIT 1")
                .execute(Tuple.of(serviceKey))
                .map(this::first);
    }

    public Uni<Optional<FormVersion>> version(String serviceKey, int version) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM form_version WHERE service_key = $1 AND version = $2")
                .execute(Tuple.of(serviceKey, version))
                .map(this::first);
    }

    private Optional<FormVersion> first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        try {
            return Optional.of(new FormVersion(
                    row.getString("service_key"),
                    row.getInteger("version"),
                    mapper.readTree(row.getString("schema")),
                    mapper.readTree(row.getString("presentation")),
                    row.getOffsetDateTime("published_at"),
                    row.getString("published_by")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form is not JSON", e);
        }
    }
}
