package org.amtsweg.catalog.places;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.admin.Administrator;
import org.amtsweg.catalog.admin.PlaceAdministration;
import org.amtsweg.catalog.admin.PlaceInput;
import org.amtsweg.catalog.web.CacheableResponses;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /places?q=58095} or {@code ?q=Hag} — the municipalities (with their AGS) of a postal code or whose name
 * begins so: how a citizen who does not know her AGS finds her place, and so the responsible authority, before login.
 */
@Path("/places")
public class PlaceResource {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final int MAX_QUERY = 100;

    private final PlaceDirectory places;
    private final CacheableResponses cache;
    private final PlaceAdministration administration;
    private final JsonWebToken token;

    public PlaceResource(
            PlaceDirectory places, CacheableResponses cache, PlaceAdministration administration, JsonWebToken token) {
        this.places = places;
        this.cache = cache;
        this.administration = administration;
        this.token = token;
    }

    /**
     * Creates (201) or replaces (200) a municipality with all its postal codes (administrators only; audited): how a joining
     * authority's area gets into the Gemeindeverzeichnis without a deployment.
     */
    @PUT
    @Path("/{ags}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> upsert(@PathParam("ags") String ags, PlaceInput input) {
        return administration
                .upsert(ags, input, Administrator.of(token))
                .chain(created -> places.byAgs(ags)
                        .map(place -> Response.status(created ? 201 : 200)
                                .entity(place)
                                .build()));
    }

    /** The answer: the municipalities found, by name. */
    public record Places(String query, List<PlaceDirectory.Place> items) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> find(
            @Context Request request, @QueryParam("q") String query, @QueryParam("limit") String limit) {
        String q = query == null ? "" : query.strip();
        if (q.length() < 2 || q.length() > MAX_QUERY) {
            throw Problems.invalidParameter(
                    "q",
                    "Der Parameter q (Postleitzahl oder Anfang des Gemeindenamens) muss 2 bis " + MAX_QUERY
                            + " Zeichen lang sein.");
        }
        int size = limit(limit);
        Uni<List<PlaceDirectory.Place>> found =
                POSTAL_CODE.matcher(q).matches() ? places.byPostalCode(q, size) : places.byName(q, size);
        return found.map(items -> cache.of(request, new Places(q, items), 300, false));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 10;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 50) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw Problems.invalidParameter("limit", "Der Parameter limit muss eine ganze Zahl von 1 bis 50 sein.");
    }
}
