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
import org.amtsweg.portal.session.PersonsToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** application-service as the citizen uses it: drafts, documents, submission, receipt, mailbox — always with her token. */
@RegisterClientHeaders(PersonsToken.class)
@RegisterRestClient(configKey = "application")
@Path("/")
public interface ApplicationApi {

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode create(JsonNode request);

    @GET
    @Path("applications")
    JsonNode mine();

    @GET
    @Path("applications/{id}")
    JsonNode application(@PathParam("id") String id);

    @PUT
    @Path("applications/{id}/data")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode saveData(@PathParam("id") String id, JsonNode data);

    @POST
    @Path("applications/{id}/submit")
    JsonNode submit(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @GET
    @Path("applications/{id}/attachments")
    JsonNode attachments(@PathParam("id") String id);

    @POST
    @Path("applications/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode upload(@PathParam("id") String id, ClientMultipartForm form);

    @GET
    @Path("applications/{id}/receipt")
    Response receipt(@PathParam("id") String id);

    @GET
    @Path("mailbox")
    JsonNode mailbox();

    @GET
    @Path("mailbox/{id}")
    JsonNode message(@PathParam("id") String id);

    @POST
    @Path("mailbox/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reply(@PathParam("id") String id, JsonNode reply);

    @GET
    @Path("mailbox/{id}/notice")
    Response notice(@PathParam("id") String id);
}
