package org.amtsweg.catalog.authority;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.amtsweg.catalog.CatalogConfig;
import org.jboss.logging.Logger;

/**
 * Loads the demo authorities (Hagen, Dortmund) where demo data is enabled and they are not there yet, and their
 * municipalities with postal codes.
 * Not a Flyway migration: which migrations exist is fixed when the service is built, whether demo
 * data is wanted is decided where it runs.
 */
@ApplicationScoped
public class DemoAuthorities {

    private static final Logger LOG = Logger.getLogger(DemoAuthorities.class);

    void load(@Observes StartupEvent event, CatalogConfig config, Pool pool) throws Throwable {
        if (!config.demoData().enabled()) {
            return;
        }
        String script = resource("/catalog/demo/demo-authorities.sql");
        boolean loaded = VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(connection -> connection
                .query("SELECT 1 FROM authority WHERE id = 'stadt-hagen'")
                .execute()
                .chain(rows -> rows.size() > 0
                        ? Uni.createFrom().item(false)
                        : connection.query(script).execute().replaceWith(true))));
        LOG.infof(loaded ? "demo authorities Hagen and Dortmund loaded" : "demo authorities already present");
        // Their municipalities and postal codes, also into a catalogue whose demo authorities came before the places
        // did.
        String places = resource("/catalog/demo/demo-places.sql");
        VertxContextSupport.subscribeAndAwait(() ->
                pool.withTransaction(connection -> connection.query(places).execute()));
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
