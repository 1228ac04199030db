package org.amtsweg.application.mailbox;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.application.Problems;
import org.amtsweg.application.intake.Intake;
import org.amtsweg.application.intake.SubmissionReceipt;
import org.amtsweg.application.security.Citizen;
import org.amtsweg.resourceserver.http.Download;

/**
 * The citizen's mailbox: information requests (answered here) and decision notices (downloadable).
 * A message belongs to an application, and its content needs the trust level that application's
 * service demands: the list shows every message, the content only to a login strong enough; reading
 * one, replying and the notice answer 403 {@code trust-level-too-low} below it.
 */
@Path("/mailbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final Mailbox mailbox;
    private final Intake intake;
    private final NoticeDocuments notices;
    private final SecurityIdentity identity;

    public MailboxResource(Mailbox mailbox, Intake intake, NoticeDocuments notices, SecurityIdentity identity) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.notices = notices;
        this.identity = identity;
    }

    /** Body of a reply: the citizen's message to the clerk (the changed data and documents are already saved). */
    public record Reply(@Size(max = 5000) String message) {}

    @GET
    public Uni<List<MailboxMessage>> messages() {
        Citizen citizen = Citizen.from(identity);
        return mailbox.of(citizen.subject())
                .map(messages -> messages.stream()
                        .map(message ->
                                citizen.reaches(message.requiredTrustLevel()) ? message : message.withheldContent())
                        .toList());
    }

    /** One message; reading it marks it read (not when the login may not read it). */
    @GET
    @Path("/{id}")
    public Uni<MailboxMessage> read(@PathParam("id") UUID id) {
        Citizen citizen = Citizen.from(identity);
        return find(id, citizen)
                .chain(found -> mailbox.markRead(id, citizen.subject()))
                .map(Optional::orElseThrow);
    }

    /** Answers an information request: the reopened application goes back to the authority, with this message. */
    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SubmissionReceipt> reply(@PathParam("id") UUID id, @Valid Reply reply) {
        Citizen citizen = Citizen.from(identity);
        return find(id, citizen).chain(message -> {
            if (!"INFORMATION_REQUEST".equals(message.kind()) || message.repliedAt() != null) {
                throw Problems.notEditable(message.repliedAt() != null ? "REPLIED" : message.kind());
            }
            return intake.supplement(citizen, message.applicationId(), reply == null ? null : reply.message());
        });
    }

    /** The decision notice (Bescheid) as PDF, in the deciding authority's corporate identity when it was issued. */
    @GET
    @Path("/{id}/notice")
    @Produces("application/pdf")
    public Uni<Response> notice(@PathParam("id") UUID id) {
        Citizen citizen = Citizen.from(identity);
        return mailbox.notice(id, citizen.subject()).chain(found -> {
            Mailbox.Notice notice = found.orElseThrow(() -> Problems.notFound("Es gibt keinen Bescheid " + id + "."));
            citizen.requireTrustLevel(notice.minimumTrustLevel());
            return notices.document(notice)
                    .map(pdf -> Download.of(pdf, "application/pdf", "Bescheid-" + notice.referenceNumber() + ".pdf"));
        });
    }

    /** The citizen's message, if her login reaches its application's trust level (403 otherwise; 404 if not hers). */
    private Uni<MailboxMessage> find(UUID id, Citizen citizen) {
        return mailbox.find(id, citizen.subject()).map(found -> {
            MailboxMessage message = found.orElseThrow(() -> Problems.notFound("Es gibt keine Nachricht " + id + "."));
            citizen.requireTrustLevel(message.requiredTrustLevel());
            return message;
        });
    }
}
