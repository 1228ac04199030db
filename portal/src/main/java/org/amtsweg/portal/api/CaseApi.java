package org.amtsweg.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.portal.session.PersonsToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service as a clerk uses it, with the clerk's token: inbox, the whole case, the clerk's steps, documents. */
@RegisterClientHeaders(PersonsToken.class)
@RegisterRestClient(configKey = "cases")
@Path("/cases")
public interface CaseApi {

    @GET
    JsonNode inbox(
            @QueryParam("status") String status, @QueryParam("after") String after, @QueryParam("limit") Integer limit);

    @GET
    @Path("/{id}")
    Response details(@PathParam("id") String id);

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    Response assign(@HeaderParam("If-Match") String revision, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/{id}/information-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Response requestInformation(@HeaderParam("If-Match") String revision, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Response decide(@HeaderParam("If-Match") String revision, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response note(@PathParam("id") String id, JsonNode body);

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId);
}
