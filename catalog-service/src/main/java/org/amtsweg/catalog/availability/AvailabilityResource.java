package org.amtsweg.catalog.availability;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.AuthorityAdministration;
import org.amtsweg.catalog.authority.AuthorityDirectory;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /authorities/{id}/availability}. */
@Path("/authorities/{id}/availability")
public class AvailabilityResource {

    private final Pool pool;
    private final AuthorityDirectory authorities;
    private final AuthorityAdministration administration;
    private final JsonWebToken token;

    public AvailabilityResource(
            Pool pool, AuthorityDirectory authorities, AuthorityAdministration administration, JsonWebToken token) {
        this.pool = pool;
        this.authorities = authorities;
        this.administration = administration;
        this.token = token;
    }

    /** Body of {@code PUT /authorities/{id}/availability/{service}}. */
    public record AvailabilityInput(String state, LocalDate since, String localTitle, String note) {}

    /** Records what the authority offers for a service (administrators only). */
    @PUT
    @Path("/{service}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> set(
            @PathParam("id") String id, @PathParam("service") String service, AvailabilityInput input) {
        AvailabilityInput body = input == null ? new AvailabilityInput(null, null, null, null) : input;
        return administration
                .setAvailability(
                        id,
                        service,
                        body.state(),
                        body.since(),
                        body.localTitle(),
                        body.note(),
                        Administrator.of(token))
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<AvailabilityReport> availability(@PathParam("id") String id) {
        return authorities.find(id).chain(authority -> {
            if (authority.isEmpty()) {
                throw Problems.notFound("Es gibt keine Behörde mit der Kennung " + id + ".");
            }
            // Booster services the authority has no entry for count as planned: the rollout obliges everyone.
            return pool.preparedQuery("""
                            SELECT s.key, s.name, s.topic, s.booster, coalesce(a.state, 'planned') AS state,
                                   a.since, a.local_title, a.note
                            FROM service s LEFT JOIN availability a ON a.service_key = s.key AND a.authority_id = $1
                            WHERE s.booster OR a.authority_id IS NOT NULL
                            ORDER BY s.booster DESC, s.booster_list DESC, s.booster_position, s.name""").execute(Tuple.of(id)).map(rows -> {
                List<AvailabilityReport.Entry> entries = new ArrayList<>();
                for (Row row : rows) {
                    entries.add(new AvailabilityReport.Entry(
                            row.getString("key"),
                            row.getString("name"),
                            row.getString("topic"),
                            row.getBoolean("booster"),
                            row.getString("state"),
                            row.getLocalDate("since"),
                            row.getString("local_title"),
                            row.getString("note")));
                }
                return new AvailabilityReport(id, entries, summarise(entries));
            });
        });
    }

    static AvailabilityReport.Summary summarise(List<AvailabilityReport.Entry> entries) {
        List<AvailabilityReport.Entry> booster =
                entries.stream().filter(AvailabilityReport.Entry::booster).toList();
        Map<String, AvailabilityReport.TopicCount> byTopic = new TreeMap<>();
        for (AvailabilityReport.Entry entry : booster) {
            String topic = entry.topic() == null ? "ohne Themenfeld" : entry.topic();
            AvailabilityReport.TopicCount count = byTopic.getOrDefault(topic, new AvailabilityReport.TopicCount(0, 0));
            byTopic.put(
                    topic,
                    new AvailabilityReport.TopicCount(count.booster() + 1, count.online() + (online(entry) ? 1 : 0)));
        }
        return new AvailabilityReport.Summary(
                booster.size(),
                (int) booster.stream().filter(AvailabilityResource::online).count(),
                (int) booster.stream()
                        .filter(entry -> entry.state().equals("external"))
                        .count(),
                (int) booster.stream()
                        .filter(entry -> entry.state().equals("planned"))
                        .count(),
                AvailabilityReport.OZG_SCOPE,
                byTopic);
    }

    private static boolean online(AvailabilityReport.Entry entry) {
        return entry.state().equals("online") || entry.state().equals("external");
    }
}
