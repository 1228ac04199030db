package org.amtsweg.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** application-service as the citizen uses it: drafts, documents, submission, receipt, mailbox — always with her token. */
@RegisterRestClient(configKey = "application")
@Path("/")
public interface ApplicationApi {

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode create(@HeaderParam("Authorization") String bearer, JsonNode request);

    @GET
    @Path("applications")
    JsonNode mine(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("applications/{id}")
    JsonNode application(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @PUT
    @Path("applications/{id}/data")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode saveData(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode data);

    @POST
    @Path("applications/{id}/submit")
    JsonNode submit(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String idempotencyKey,
                    @PathParam("id") String id);

    @GET
    @Path("applications/{id}/attachments")
    JsonNode attachments(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("applications/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode upload(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, ClientMultipartForm form);

    @GET
    @Path("applications/{id}/receipt")
    Response receipt(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("mailbox")
    JsonNode mailbox(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("mailbox/{id}")
    JsonNode message(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("mailbox/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reply(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode reply);

    @GET
    @Path("mailbox/{id}/notice")
    Response notice(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
