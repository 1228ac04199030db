package org.amtsweg.catalog.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amtsweg.catalog.CatalogConfig;

/**
 * Reads the feed's documents: every service with its offers, every authority. A single document is read with the same
 * statements as the whole feed, so that a mirror that fetches one after a change holds what a fresh full feed would show.
 */
@ApplicationScoped
public class CatalogFeed {

    /** Where a deep link is offered: the service is used here, online or through the external offer. */
    private static final Set<String> LINKED = Set.of("online", "external");

    private final Pool pool;
    private final String portal;

    public CatalogFeed(Pool pool, CatalogConfig config) {
        this.pool = pool;
        String base = config.portalBaseUrl();
        this.portal = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Every service by key, or only {@code key} when it is not null. */
    public Uni<List<FeedService>> services(String key) {
        Uni<List<Row>> services = rows(pool.preparedQuery("""
                SELECT key, name, short_description, ozg_id, topic, situation, handling, handling_url, handling_note, minimum_trust_level,
                       efa, efa_operator, booster,
                       (SELECT max(version) FROM form_version f WHERE f.service_key = s.key) AS form_version
                FROM service s WHERE $1::text IS NULL OR key = $1 ORDER BY key""").execute(Tuple.of(key)));
        Uni<List<Row>> leika = rows(pool.preparedQuery("""
                SELECT service_key, leika_id, name, leika_type FROM leika_entry
                WHERE $1::text IS NULL OR service_key = $1 ORDER BY service_key, leika_id""").execute(Tuple.of(key)));
        // Per service the authorities with an availability or a responsibility for it; the deep links go to the
        // municipalities of the authority's own whose responsibility (most specific area first: AGS, state, DE) falls
        // to it.
        Uni<List<Row>> offers = rows(pool.preparedQuery("""
                WITH offering AS (
                    SELECT authority_id, service_key FROM availability WHERE $1::text IS NULL OR service_key = $1
                    UNION SELECT authority_id, service_key FROM responsibility WHERE $1::text IS NULL OR service_key = $1)
                SELECT o.service_key, o.authority_id, a.name, av.state, av.since, av.local_title, av.note,
                       array(SELECT r.area FROM responsibility r WHERE r.service_key = o.service_key AND r.authority_id = o.authority_id
                             ORDER BY r.area) AS areas,
                       array(SELECT g FROM unnest(a.ags_codes) g
                             WHERE (SELECT r.authority_id FROM responsibility r
                                    WHERE r.service_key = o.service_key AND r.area IN (g, left(g, 2), 'DE')
                                    ORDER BY CASE WHEN r.area = g THEN 0 WHEN r.area = 'DE' THEN 2 ELSE 1 END LIMIT 1) = o.authority_id
                             ORDER BY g) AS responsible_in
                FROM offering o JOIN authority a ON a.id = o.authority_id
                LEFT JOIN availability av ON av.authority_id = o.authority_id AND av.service_key = o.service_key
                ORDER BY o.service_key, o.authority_id""").execute(Tuple.of(key)));
        return Uni.combine().all().unis(services, leika, offers).asTuple().map(all -> {
            Map<String, List<FeedService.Leika>> leikaByService = new HashMap<>();
            for (Row row : all.getItem2()) {
                leikaByService
                        .computeIfAbsent(row.getString("service_key"), k -> new ArrayList<>())
                        .add(new FeedService.Leika(
                                row.getString("leika_id"), row.getString("name"), row.getString("leika_type")));
            }
            Map<String, List<FeedService.Offer>> offersByService = new HashMap<>();
            for (Row row : all.getItem3()) {
                offersByService
                        .computeIfAbsent(row.getString("service_key"), k -> new ArrayList<>())
                        .add(offer(row));
            }
            List<FeedService> feed = new ArrayList<>();
            for (Row row : all.getItem1()) {
                String serviceKey = row.getString("key");
                Integer form = row.getInteger("form_version");
                feed.add(new FeedService(
                        serviceKey,
                        row.getString("name"),
                        row.getString("short_description"),
                        row.getString("ozg_id"),
                        leikaByService.getOrDefault(serviceKey, List.of()),
                        row.getString("topic"),
                        row.getString("situation"),
                        new FeedService.Handling(
                                row.getString("handling"),
                                row.getString("handling_url"),
                                row.getString("handling_note")),
                        row.getString("minimum_trust_level"),
                        row.getBoolean("efa"),
                        row.getString("efa_operator"),
                        row.getBoolean("booster"),
                        form == null ? null : "/services/" + serviceKey + "/form/versions/" + form,
                        "/services/" + serviceKey,
                        offersByService.getOrDefault(serviceKey, List.of())));
            }
            return feed;
        });
    }

    private FeedService.Offer offer(Row row) {
        String service = row.getString("service_key");
        String authority = row.getString("authority_id");
        String state = row.getString("state");
        FeedService.Availability availability = state == null
                ? null
                : new FeedService.Availability(
                        state, row.getLocalDate("since"), row.getString("local_title"), row.getString("note"));
        List<FeedService.DeepLink> links = new ArrayList<>();
        if (state != null && LINKED.contains(state)) {
            for (String ags : row.getArrayOfStrings("responsible_in")) {
                links.add(new FeedService.DeepLink(ags, deepLink(service, ags)));
            }
        }
        return new FeedService.Offer(
                authority,
                row.getString("name"),
                "/feed/authorities/" + authority,
                availability,
                Arrays.asList(row.getArrayOfStrings("areas")),
                links);
    }

    /** The portal's way in for a citizen of {@code ags}: {@code {portal}/antrag/{service}?ags={ags}}. */
    String deepLink(String service, String ags) {
        return portal + "/antrag/" + URLEncoder.encode(service, StandardCharsets.UTF_8) + "?ags=" + ags;
    }

    /** Every authority by id, or only {@code id} when it is not null. */
    public Uni<List<FeedAuthority>> authorities(String id) {
        return rows(pool.preparedQuery("""
                        SELECT id, name, kind, ags_codes, street_address, postal_code, locality, email, phone, website,
                               logo_svg IS NOT NULL AS has_logo, primary_color, secondary_color, name_line, imprint_url, privacy_url
                        FROM authority WHERE $1::text IS NULL OR id = $1 ORDER BY id""").execute(Tuple.of(id)))
                .map(rows -> rows.stream()
                        .map(row -> {
                            String authority = row.getString("id");
                            return new FeedAuthority(
                                    authority,
                                    row.getString("name"),
                                    row.getString("kind"),
                                    Arrays.asList(row.getArrayOfStrings("ags_codes")),
                                    new FeedAuthority.Contact(
                                            row.getString("street_address"),
                                            row.getString("postal_code"),
                                            row.getString("locality"),
                                            row.getString("email"),
                                            row.getString("phone"),
                                            row.getString("website")),
                                    new FeedAuthority.Branding(
                                            row.getBoolean("has_logo") ? "/authorities/" + authority + "/logo" : null,
                                            row.getString("primary_color"),
                                            row.getString("secondary_color"),
                                            row.getString("name_line"),
                                            row.getString("imprint_url"),
                                            row.getString("privacy_url")),
                                    "/authorities/" + authority);
                        })
                        .toList());
    }

    private static Uni<List<Row>> rows(Uni<RowSet<Row>> query) {
        return query.map(rowSet -> {
            List<Row> rows = new ArrayList<>();
            rowSet.forEach(rows::add);
            return rows;
        });
    }
}
