package org.amtsweg.application.mailbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.application.Problems;
import org.amtsweg.application.intake.Intake;
import org.amtsweg.application.intake.SubmissionReceipt;
import org.amtsweg.application.security.Citizen;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The citizen's mailbox: information requests (answered here) and decision notices (downloadable). */
@Path("/mailbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final Pool pool;
    private final Intake intake;
    private final NoticeDocuments notices;
    private final SecurityIdentity identity;

    public MailboxResource(Pool pool, Intake intake, NoticeDocuments notices, SecurityIdentity identity) {
        this.pool = pool;
        this.intake = intake;
        this.notices = notices;
        this.identity = identity;
    }

    /** Body of a reply: the citizen's message to the clerk (the changed data and documents are already saved). */
    public record Reply(@Size(max = 5000) String message) {
    }

    @GET
    public Uni<List<MailboxMessage>> messages() {
        return pool.preparedQuery("SELECT * FROM mailbox_message WHERE citizen_subject = $1 ORDER BY created_at DESC LIMIT 200")
                .execute(Tuple.of(subject()))
                .map(rows -> {
                    List<MailboxMessage> messages = new ArrayList<>();
                    rows.forEach(row -> messages.add(message(row)));
                    return messages;
                });
    }

    /** One message; reading it marks it read. */
    @GET
    @Path("/{id}")
    public Uni<MailboxMessage> read(@PathParam("id") UUID id) {
        return pool.preparedQuery("UPDATE mailbox_message SET read_at = coalesce(read_at, now()) WHERE id = $1 AND citizen_subject = $2 RETURNING *")
                .execute(Tuple.of(id, subject()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problems.notFound("Es gibt keine Nachricht " + id + ".");
                    }
                    return message(rows.iterator().next());
                });
    }

    /** Answers an information request: the reopened application goes back to the authority, with this message. */
    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SubmissionReceipt> reply(@PathParam("id") UUID id, @jakarta.validation.Valid Reply reply) {
        Citizen citizen = Citizen.from(identity);
        return find(id, citizen.subject()).chain(message -> {
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
        return pool.preparedQuery("""
                        SELECT a.reference_number FROM mailbox_message m JOIN application a ON a.id = m.application_id
                        WHERE m.id = $1 AND m.citizen_subject = $2 AND m.kind = 'DECISION'""")
                .execute(Tuple.of(id, subject()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw Problems.notFound("Es gibt keinen Bescheid " + id + ".");
                    }
                    String reference = rows.iterator().next().getString("reference_number");
                    return notices.document(id).map(pdf -> Response.ok(pdf, "application/pdf")
                            .header("Content-Disposition", "attachment; filename=\"Bescheid-" + reference + ".pdf\"")
                            .build());
                });
    }

    private Uni<MailboxMessage> find(UUID id, String subject) {
        return pool.preparedQuery("SELECT * FROM mailbox_message WHERE id = $1 AND citizen_subject = $2").execute(Tuple.of(id, subject))
                .map(rows -> Optional.ofNullable(rows.size() == 0 ? null : message(rows.iterator().next()))
                        .orElseThrow(() -> Problems.notFound("Es gibt keine Nachricht " + id + ".")));
    }

    private String subject() {
        return Citizen.from(identity).subject();
    }


    private static MailboxMessage message(Row row) {
        return new MailboxMessage(row.getUUID("id"), row.getUUID("application_id"), row.getString("kind"), row.getString("subject"),
                row.getString("body"), Arrays.asList(row.getArrayOfStrings("fields")), Arrays.asList(row.getArrayOfStrings("documents")),
                row.getLocalDate("due_date"), row.getString("outcome"), row.getString("reasoning"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("read_at"), row.getOffsetDateTime("replied_at"));
    }
}
