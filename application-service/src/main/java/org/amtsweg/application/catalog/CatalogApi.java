package org.amtsweg.application.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The catalogue's public read API, as application-service uses it. */
@RegisterRestClient(configKey = "catalog")
@Path("/")
public interface CatalogApi {

    @GET
    @Path("services/{key}")
    Uni<JsonNode> service(@PathParam("key") String key);

    @GET
    @Path("responsibility")
    Uni<JsonNode> responsibility(@QueryParam("service") String service, @QueryParam("ags") String ags);

    @GET
    @Path("authorities/{id}")
    Uni<JsonNode> authority(@PathParam("id") String id);

    @GET
    @Path("authorities/{id}/logo")
    @Produces("image/svg+xml")
    Uni<String> logo(@PathParam("id") String id);

    @GET
    @Path("services/{key}/form")
    Uni<JsonNode> currentForm(@PathParam("key") String key);

    @GET
    @Path("services/{key}/form/versions/{version}")
    Uni<JsonNode> form(@PathParam("key") String key, @PathParam("version") int version);
}
