package org.amtsweg.cases.documents;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * application-service's store of submitted documents and of the decision notices issued to citizens. The case service calls it on its own behalf: the
 * filter fetches (and renews) a client-credentials token with the scope {@code attachments.read}.
 */
@RegisterRestClient(configKey = "documents")
@OidcClientFilter
@Path("/submissions")
public interface SubmittedDocumentsApi {

    @GET
    @Path("/{applicationId}/attachments/{attachmentId}")
    Uni<RestResponse<byte[]>> content(
            @PathParam("applicationId") UUID applicationId, @PathParam("attachmentId") UUID attachmentId);

    @GET
    @Path("/{applicationId}/notice")
    Uni<RestResponse<byte[]>> notice(@PathParam("applicationId") UUID applicationId);
}
