package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.api.Json;
import org.amtsweg.portal.branding.Authority;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The way in: search the catalogue, give one's place (postal code, town or AGS), open a service and see how it is handled and
 * which authority is responsible — the authority whose name and logo the pages carry from then on.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartPages {

    private static final Pattern SERVICE_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final CatalogApi catalog;
    private final CitizenContext citizen;
    private final PlaceSearch places;
    private final DeepLink deepLinks;
    private final Template start;
    private final Template service;
    private final Template message;

    public StartPages(
            @RestClient CatalogApi catalog,
            CitizenContext citizen,
            PlaceSearch places,
            DeepLink deepLinks,
            @Location("start.html") Template start,
            @Location("service.html") Template service,
            @Location("message.html") Template message) {
        this.catalog = catalog;
        this.citizen = citizen;
        this.places = places;
        this.deepLinks = deepLinks;
        this.start = start;
        this.service = service;
        this.message = message;
    }

    @GET
    public TemplateInstance start(@QueryParam("q") String query) {
        String q = query == null ? "" : query.strip();
        return startPage(q, citizen.place().orElse(""), new PlaceSearch.Found(null, List.of(), null));
    }

    /**
     * The citizen names her place — postal code, town or 8-digit AGS — and it is remembered for her next pages;
     * where a name fits several municipalities she chooses one, where nothing fits she is told so at the field.
     */
    @GET
    @Path("ort")
    public Response place(
            @QueryParam("ort") String typed,
            @QueryParam("ags") String ags,
            @QueryParam("q") String query,
            @QueryParam("leistung") String serviceKey) {
        String key = serviceKey != null && SERVICE_KEY.matcher(serviceKey).matches() && serviceKey.length() <= 64
                ? serviceKey
                : null;
        String q = query == null ? "" : query.strip();
        String input = typed != null ? typed : ags;
        PlaceSearch.Found found = places.find(input, key, q);
        if (found.isPlace()) {
            String back = key != null
                    ? "/leistungen/" + key
                    : q.isEmpty() ? "/" : "/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            return Response.seeOther(URI.create(back))
                    .cookie(CitizenContext.remember(CitizenContext.PLACE_COOKIE, found.ags()))
                    .build();
        }
        int status = found.error() != null ? 400 : 200;
        String shown = input == null ? "" : input.strip();
        return key != null
                ? servicePage(key, shown, found, status)
                : Response.status(status).entity(startPage(q, shown, found)).build();
    }

    @GET
    @Path("leistungen/{key}")
    public Response service(@PathParam("key") String key) {
        if (!SERVICE_KEY.matcher(key).matches() || key.length() > 64) {
            throw new NotFoundException();
        }
        return servicePage(key, "", new PlaceSearch.Found(null, List.of(), null), 200);
    }

    /**
     * The deep link of the catalogue's Portalverbund feed, from another portal: the service's page with the link's place and its
     * responsible authority chosen (remembered like her own choice), so that she starts in her authority's frame. An unknown
     * service or a place no authority here serves is a page that says so and where to go on (404), never an error.
     */
    @GET
    @Path("antrag/{service}")
    public Response deepLink(@PathParam("service") String key, @QueryParam("ags") String ags) {
        DeepLink.Landing landing = deepLinks.land(key, ags);
        if (landing.found()) {
            return Response.seeOther(URI.create("/leistungen/" + landing.service()))
                    .cookie(
                            CitizenContext.remember(CitizenContext.PLACE_COOKIE, landing.ags()),
                            CitizenContext.remember(CitizenContext.AUTHORITY_COOKIE, landing.authority()))
                    .build();
        }
        return Response.status(404)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(message.data("frame", citizen.frame())
                        .data("title", landing.title())
                        .data("text", landing.text())
                        .data("link", landing.link())
                        .data("linkText", landing.linkText()))
                .build();
    }

    private TemplateInstance startPage(String q, String placeInput, PlaceSearch.Found found) {
        Optional<String> place = citizen.place();
        JsonNode results =
                q.isEmpty() ? null : catalog.search(q.length() > 200 ? q.substring(0, 200) : q, place.orElse(null), 20);
        return start.data("frame", citizen.frame())
                .data("q", q)
                .data("place", place.orElse(""))
                .data("serviceKey", "")
                .data("placeInput", placeInput)
                .data("placeError", found.error())
                .data("choices", found.choices())
                .data("results", results == null ? null : Json.list(results.path("items")));
    }

    private Response servicePage(String key, String placeInput, PlaceSearch.Found found, int status) {
        JsonNode shown = catalog.service(key);
        Optional<String> place = citizen.place();
        Authority responsible = null;
        if (place.isPresent()) {
            try {
                responsible =
                        Authority.of(catalog.responsibility(key, place.get()).path("authority"));
            } catch (WebApplicationException nobody) {
                if (nobody.getResponse().getStatus() != 404) {
                    throw nobody;
                }
            }
        }
        var frame = responsible == null ? citizen.frame() : citizen.frame(responsible.id());
        Response.ResponseBuilder page = Response.status(status)
                .entity(service.data("frame", frame)
                        .data("service", Json.object(shown))
                        .data("handling", shown.path("handling").path("mode").asText("online"))
                        .data("place", place.orElse(""))
                        .data("responsible", responsible)
                        .data("q", "")
                        .data("serviceKey", key)
                        .data("placeInput", placeInput)
                        .data("placeError", found.error())
                        .data("choices", found.choices()));
        if (responsible != null) {
            page.cookie(CitizenContext.remember(CitizenContext.AUTHORITY_COOKIE, responsible.id()));
        }
        return page.build();
    }

    @GET
    @Path("abgemeldet")
    public TemplateInstance loggedOut() {
        return message.data("frame", citizen.frame())
                .data("title", "Sie sind abgemeldet")
                .data("text", "Ihre Anmeldung ist beendet, auch beim Nutzerkonto.")
                .data("link", "/")
                .data("linkText", "Zur Startseite");
    }
}
