package org.amtsweg.cases.documents;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.amtsweg.cases.security.Clerk;
import org.amtsweg.resourceserver.http.Download;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The documents of a case, for the authority's clerks and its specialist procedure: what the citizen
 * submitted (checked by SHA-256), delivered as a download, never rendered in our origin; and the
 * decision notice as she received it.
 */
@Path("/cases/{id}")
@RolesAllowed({"clerk", "supervisor", "procedure"})
public class CaseDocumentResource {

    private final CaseDocuments documents;
    private final JsonWebToken token;

    public CaseDocumentResource(CaseDocuments documents, JsonWebToken token) {
        this.documents = documents;
        this.token = token;
    }

    @GET
    @Path("/attachments/{attachmentId}")
    public Uni<Response> content(@PathParam("id") UUID caseId, @PathParam("attachmentId") UUID attachmentId) {
        Clerk caller = Clerk.ofAuthority(token);
        return documents
                .fetch(caller.authority(), caseId, attachmentId, caller.username())
                .map(document ->
                        Download.of(document.content(), document.mediaType(), document.fileName(), document.sha256()));
    }

    /** The decision notice (Bescheid) as issued to the citizen, to file with the case or take over. */
    @GET
    @Path("/notice")
    @Produces("application/pdf")
    public Uni<Response> notice(@PathParam("id") UUID caseId) {
        Clerk caller = Clerk.ofAuthority(token);
        return documents
                .notice(caller.authority(), caseId, caller.username())
                .map(pdf -> Download.of(pdf, "application/pdf", "Bescheid-" + caseId + ".pdf"));
    }
}
