package org.amtsweg.catalog.authority;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import org.amtsweg.catalog.CatalogCaches;

/** Reads authorities and their branding. */
@ApplicationScoped
public class AuthorityDirectory {

    private final Pool pool;

    public AuthorityDirectory(Pool pool) {
        this.pool = pool;
    }

    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<Optional<AuthorityView>> find(String id) {
        return pool.preparedQuery("SELECT * FROM authority WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(view(rows.iterator().next())));
    }

    /** The authority whose own area is this municipality, if any. */
    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<Optional<String>> idServing(String ags) {
        return pool.preparedQuery("SELECT id FROM authority WHERE $1 = ANY(ags_codes) ORDER BY id LIMIT 1")
                .execute(Tuple.of(ags))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("id")));
    }

    public Uni<Optional<String>> logo(String id) {
        return pool.preparedQuery("SELECT logo_svg FROM authority WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getString("logo_svg")));
    }

    private static AuthorityView view(Row row) {
        String id = row.getString("id");
        return new AuthorityView(
                id,
                row.getString("name"),
                row.getString("kind"),
                Arrays.asList(row.getArrayOfStrings("ags_codes")),
                row.getString("reference_prefix"),
                new AuthorityView.Contact(
                        row.getString("street_address"),
                        row.getString("postal_code"),
                        row.getString("locality"),
                        row.getString("email"),
                        row.getString("phone"),
                        row.getString("website")),
                new AuthorityView.Branding(
                        row.getString("logo_svg") == null ? null : "/authorities/" + id + "/logo",
                        row.getString("primary_color"),
                        row.getString("secondary_color"),
                        row.getString("name_line"),
                        row.getString("imprint_url"),
                        row.getString("privacy_url")));
    }
}
