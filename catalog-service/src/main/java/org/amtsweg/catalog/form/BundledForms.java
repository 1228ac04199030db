package org.amtsweg.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.amtsweg.resourceserver.problem.Violation;
import org.jboss.logging.Logger;

/**
 * Publishes the forms that ship with the catalogue (Wohngeld, Ummeldung, Meldebescheinigung) where
 * that version is not published yet. Published versions are never overwritten: applications pin them.
 */
@ApplicationScoped
public class BundledForms {

    private static final Logger LOG = Logger.getLogger(BundledForms.class);
    private static final List<String> FILES =
            List.of("wohngeld.v1.json", "ummeldung.v1.json", "meldebescheinigung.v1.json");

    private final Pool pool;
    private final ObjectMapper mapper;

    public BundledForms(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    void publish(@Observes StartupEvent event) throws Throwable {
        List<JsonNode> forms = FILES.stream().map(this::read).toList();
        for (JsonNode form : forms) {
            List<Violation> violations = SchemaCheck.violations(form.get("schema"));
            if (!violations.isEmpty()) {
                throw new IllegalStateException(
                        "bundled form " + form.get("service").asText() + " is not a valid schema: " + violations);
            }
        }
        Integer published = VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom()
                .iterable(forms)
                .onItem()
                .transformToUniAndConcatenate(form -> pool.preparedQuery("""
                                INSERT INTO form_version (service_key, version, schema, presentation, published_by)
                                SELECT $1, $2, $3::jsonb, $4::jsonb, 'amtsweg' WHERE EXISTS (SELECT 1 FROM service WHERE key = $1)
                                ON CONFLICT (service_key, version) DO NOTHING""")
                        .execute(Tuple.of(
                                form.get("service").asText(),
                                form.get("version").asInt(),
                                new JsonObject(form.get("schema").toString()),
                                new JsonObject(form.get("presentation").toString())))
                        .map(rows -> rows.rowCount()))
                .collect()
                .with(Collectors.summingInt(Integer::intValue)));
        LOG.infof("bundled forms: %d newly published", published);
    }

    private JsonNode read(String file) {
        try (InputStream in = getClass().getResourceAsStream("/catalog/forms/" + file)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled form " + file, e);
        }
    }
}
