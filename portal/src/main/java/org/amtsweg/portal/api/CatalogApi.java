package org.amtsweg.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's public reads (no login): search, services, forms, responsibility, places, authorities. */
@RegisterRestClient(configKey = "catalog")
public interface CatalogApi {

    @GET
    @Path("/services")
    JsonNode search(@QueryParam("q") String query, @QueryParam("ags") String ags, @QueryParam("size") Integer size);

    @GET
    @Path("/services/{key}")
    JsonNode service(@PathParam("key") String key);

    @GET
    @Path("/services/{key}/form/versions/{version}")
    JsonNode form(@PathParam("key") String key, @PathParam("version") int version);

    @GET
    @Path("/responsibility")
    JsonNode responsibility(@QueryParam("service") String service, @QueryParam("ags") String ags);

    /** The municipalities of a postal code, or whose name begins so (Gemeindeverzeichnis). */
    @GET
    @Path("/places")
    JsonNode places(@QueryParam("q") String query, @QueryParam("limit") Integer limit);

    @GET
    @Path("/authorities/{id}")
    JsonNode authority(@PathParam("id") String id);

    @GET
    @Path("/authorities/{id}/logo")
    Response logo(@PathParam("id") String id);
}
