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
        Citizen citizen = Citizen.from(identity);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM mailbox_message m JOIN application a ON a.id = m.application_id"
                        + " WHERE m.citizen_subject = $1 ORDER BY m.created_at DESC LIMIT 200")
                .execute(Tuple.of(citizen.subject()))
                .map(rows -> {
                    List<MailboxMessage> messages = new ArrayList<>();
                    rows.forEach(row -> {
                        MailboxMessage message = message(row);
                        messages.add(citizen.reaches(message.requiredTrustLevel()) ? message : message.withheldContent());
                    });
                    return messages;
                });
    }

    /** One message; reading it marks it read (not when the login may not read it). */
    @GET
    @Path("/{id}")
    public Uni<MailboxMessage> read(@PathParam("id") UUID id) {
        Citizen citizen = Citizen.from(identity);
        return find(id, citizen).chain(found -> pool.preparedQuery("""
                                UPDATE mailbox_message m SET read_at = coalesce(m.read_at, now()) FROM application a
                                WHERE m.id = $1 AND m.citizen_subject = $2 AND a.id = m.application_id RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, citizen.subject()))
                .map(rows -> message(rows.iterator().next())));
    }

    /** Answers an information request: the reopened application goes back to the authority, with this message. */
    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SubmissionReceipt> reply(@PathParam("id") UUID id, @jakarta.validation.Valid Reply reply) {
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
        return pool.preparedQuery("""
                        SELECT a.reference_number, a.minimum_trust_level FROM mailbox_message m JOIN application a ON a.id = m.application_id
                        WHERE m.id = $1 AND m.citizen_subject = $2 AND m.kind = 'DECISION'""")
                .execute(Tuple.of(id, citizen.subject()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw Problems.notFound("Es gibt keinen Bescheid " + id + ".");
                    }
                    citizen.requireTrustLevel(rows.iterator().next().getString("minimum_trust_level"));
                    String reference = rows.iterator().next().getString("reference_number");
                    return notices.document(id).map(pdf -> org.amtsweg.resourceserver.http.Download.of(pdf, "application/pdf",
                            "Bescheid-" + reference + ".pdf"));
                });
    }

    /** The citizen's message, if her login reaches its application's trust level (403 otherwise; 404 if not hers). */
    private Uni<MailboxMessage> find(UUID id, Citizen citizen) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM mailbox_message m JOIN application a ON a.id = m.application_id"
                        + " WHERE m.id = $1 AND m.citizen_subject = $2")
                .execute(Tuple.of(id, citizen.subject()))
                .map(rows -> {
                    MailboxMessage message = Optional.ofNullable(rows.size() == 0 ? null : message(rows.iterator().next()))
                            .orElseThrow(() -> Problems.notFound("Es gibt keine Nachricht " + id + "."));
                    citizen.requireTrustLevel(message.requiredTrustLevel());
                    return message;
                });
    }

    /** A message with the trust level of its application ({@code m}: the message, {@code a}: its application). */
    private static final String COLUMNS = """
            m.id, m.application_id, m.kind, m.subject, m.body, m.fields, m.documents, m.due_date, m.outcome, m.reasoning,
            m.created_at, m.read_at, m.replied_at, a.minimum_trust_level""";

    private static MailboxMessage message(Row row) {
        return new MailboxMessage(row.getUUID("id"), row.getUUID("application_id"), row.getString("kind"), row.getString("subject"),
                row.getString("body"), Arrays.asList(row.getArrayOfStrings("fields")), Arrays.asList(row.getArrayOfStrings("documents")),
                row.getLocalDate("due_date"), row.getString("outcome"), row.getString("reasoning"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("read_at"), row.getOffsetDateTime("replied_at"), row.getString("minimum_trust_level"), false);
    }
}
