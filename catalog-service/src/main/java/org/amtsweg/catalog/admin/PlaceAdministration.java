package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.amtsweg.catalog.CatalogCaches;
import org.amtsweg.catalog.Problems;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.amtsweg.resourceserver.input.ConstraintViolations;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Administration of municipalities and their postal codes (Gemeindeverzeichnis): so that an authority that joins can
 * bring its area along — its citizens find their place by postal code or town — without anyone touching the database.
 */
@ApplicationScoped
public class PlaceAdministration {

    private final Pool pool;
    private final Validator validator;
    private final CatalogAdministration catalog;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final Cache reads;

    public PlaceAdministration(
            Pool pool,
            Validator validator,
            CatalogAdministration catalog,
            OutboxRelay relay,
            ObjectMapper mapper,
            @CacheName(CatalogCaches.READS) Cache reads) {
        this.pool = pool;
        this.validator = validator;
        this.catalog = catalog;
        this.relay = relay;
        this.mapper = mapper;
        this.reads = reads;
    }

    /** Creates or replaces a municipality with all its postal codes; returns whether it was created. */
    public Uni<Boolean> upsert(String ags, PlaceInput input, String actor) {
        List<Violation> violations = new ArrayList<>();
        if (!ags.matches("[0-9]{8}")) {
            violations.add(new Violation("/ags", "pattern", "Ein AGS hat 8 Ziffern.", "An AGS has 8 digits."));
        }
        if (input == null) {
            violations.add(
                    new Violation("", "required", "Der Inhalt der Anfrage fehlt.", "The request body is missing."));
        } else {
            violations.addAll(ConstraintViolations.of(validator.validate(input)));
            if (input.postalCodes() != null
                    && input.postalCodes().stream().distinct().count()
                            != input.postalCodes().size()) {
                violations.add(new Violation(
                        "/postalCodes",
                        "uniqueItems",
                        "Eine Postleitzahl kommt mehrfach vor.",
                        "A postal code occurs more than once."));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        List<String> codes = input.postalCodes().stream().sorted().toList();
        return pool.withTransaction(connection -> catalog.before(connection, """
                                SELECT jsonb_build_object('name', m.name, 'postalCodes',
                                       to_jsonb(array(SELECT p.code FROM postal_code p WHERE p.ags = m.ags ORDER BY p.code))) AS row
                                FROM municipality m WHERE m.ags = $1 FOR UPDATE""", Tuple.of(ags))
                        .chain(before -> connection
                                .preparedQuery("""
                                        INSERT INTO municipality (ags, name) VALUES ($1, $2) ON CONFLICT (ags) DO UPDATE SET name = excluded.name""")
                                .execute(Tuple.of(ags, input.name().strip()))
                                .chain(() -> connection
                                        .preparedQuery("DELETE FROM postal_code WHERE ags = $1")
                                        .execute(Tuple.of(ags)))
                                .chain(() -> connection
                                        .preparedQuery(
                                                "INSERT INTO postal_code (code, ags) SELECT unnest($1::text[]), $2")
                                        .execute(Tuple.of(codes.toArray(String[]::new), ags)))
                                .chain(() -> catalog.record(
                                        connection,
                                        actor,
                                        "PLACE",
                                        ags,
                                        before == null ? "CREATED" : "UPDATED",
                                        null,
                                        before,
                                        mapper.valueToTree(
                                                new PlaceInput(input.name().strip(), codes))))
                                .replaceWith(before == null)))
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }
}
