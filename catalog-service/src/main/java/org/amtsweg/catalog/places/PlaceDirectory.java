package org.amtsweg.catalog.places;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amtsweg.catalog.CatalogCaches;

/** Finds municipalities (Gemeindeverzeichnis) by postal code or by the beginning of their name. */
@ApplicationScoped
public class PlaceDirectory {

    /** A municipality: its 8-digit AGS, its name, and its postal codes in order. */
    public record Place(String ags, String name, List<String> postalCodes) {}

    private static final String SELECT = """
            SELECT m.ags, m.name, array(SELECT p.code FROM postal_code p WHERE p.ags = m.ags ORDER BY p.code) AS codes
            FROM municipality m""";

    private final Pool pool;

    public PlaceDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The municipalities a postal code lies in (usually one; a few where a delivery area crosses a boundary). */
    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<List<Place>> byPostalCode(String code, int limit) {
        return pool.preparedQuery(
                        SELECT
                                + " WHERE m.ags IN (SELECT ags FROM postal_code WHERE code = $1) ORDER BY m.name, m.ags LIMIT $2")
                .execute(Tuple.of(code, limit))
                .map(PlaceDirectory::places);
    }

    /** The municipalities whose name begins with {@code prefix}, whatever the case; the text is only ever text. */
    @CacheResult(cacheName = CatalogCaches.READS)
    public Uni<List<Place>> byName(String prefix, int limit) {
        return pool.preparedQuery(
                        SELECT + " WHERE starts_with(lower(m.name), lower($1)) ORDER BY m.name, m.ags LIMIT $2")
                .execute(Tuple.of(prefix, limit))
                .map(PlaceDirectory::places);
    }

    /** One municipality by its AGS, read past the cache (an administrator's answer shows what was written). */
    public Uni<Place> byAgs(String ags) {
        return pool.preparedQuery(SELECT + " WHERE m.ags = $1")
                .execute(Tuple.of(ags))
                .map(rows -> places(rows).get(0));
    }

    private static List<Place> places(Iterable<Row> rows) {
        List<Place> places = new ArrayList<>();
        for (Row row : rows) {
            places.add(new Place(
                    row.getString("ags"), row.getString("name"), Arrays.asList(row.getArrayOfStrings("codes"))));
        }
        return places;
    }
}
