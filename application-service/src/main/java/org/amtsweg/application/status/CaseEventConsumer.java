package org.amtsweg.application.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.CaseStatusChanged;
import org.amtsweg.events.DecisionIssued;
import org.amtsweg.events.InformationRequested;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.IncomingEvent;
import org.amtsweg.messaging.consume.PoisonEvent;
import org.amtsweg.messaging.consume.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Follows the case of each application, so that the citizen sees its status and timeline. Each event
 * is applied once: its id goes into the processed-event log in the same transaction.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);
    private static final String CONSUMER = "application-service.cases";

    private final EventConsumption consumption;
    private final Pool pool;

    public CaseEventConsumer(EventConsumption consumption, Pool pool) {
        this.consumption = consumption;
        this.pool = pool;
    }

    @Incoming("cases-in")
    public Uni<Void> consume(Message<String> message) {
        // An event that changes nothing here (a register result is the clerk's working material) needs no
        // transaction and no processed-event entry: half of the topic's events, each a durable commit saved.
        return consumption.consume(message, CONSUMER, event -> switch (event.type()) {
            case CaseOpened.TYPE -> {
                CaseOpened opened = event.data(CaseOpened.class);
                yield follow(pool, event, applicationId(opened.applicationId()), "RECEIVED", opened.caseId(), "Vorgang bei der Behörde eröffnet")
                        .replaceWithVoid();
            }
            case CaseStatusChanged.TYPE -> {
                CaseStatusChanged changed = event.data(CaseStatusChanged.class);
                yield follow(pool, event, applicationId(changed.applicationId()), changed.status(), null, "Status: " + changed.status())
                        .replaceWithVoid();
            }
            // With a message for the citizen's mailbox: the status and the message in one transaction.
            case InformationRequested.TYPE -> {
                InformationRequested request = event.data(InformationRequested.class);
                UUID applicationId = applicationId(request.applicationId());
                yield pool.withTransaction(connection -> follow(connection, event, applicationId, "INFORMATION_REQUESTED", null,
                                "Die Behörde bittet um weitere Angaben")
                        .chain(applied -> applied ? reopen(connection, applicationId, request) : Uni.createFrom().voidItem()));
            }
            case DecisionIssued.TYPE -> {
                DecisionIssued decision = event.data(DecisionIssued.class);
                UUID applicationId = applicationId(decision.applicationId());
                yield pool.withTransaction(connection -> follow(connection, event, applicationId, "DECIDED", null, "Bescheid erlassen")
                        .chain(applied -> applied ? deliverNotice(connection, applicationId, decision) : Uni.createFrom().voidItem()));
            }
            default -> {
                LOG.debugf("ignoring event type %s", event.type());
                yield Uni.createFrom().voidItem();
            }
        });
    }

    /**
     * A status the citizen sees, in one statement — one round trip, and on its own one commit: the processed-event
     * entry, the status and the timeline entry. One of these follows every submission, so this is on the pipeline's
     * busy path. True if applied now, false for a redelivery; an unknown application writes nothing and is a poison event.
     */
    private static Uni<Boolean> follow(SqlClient client, IncomingEvent event, UUID applicationId, String status, String caseId,
                                       String description) {
        return client.preparedQuery(FOLLOW_STATUS)
                .execute(Tuple.from(new Object[]{event.id(), CONSUMER, applicationId, status, caseId == null ? null : UUID.fromString(caseId),
                        event.type(), description}))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("known")) {
                        throw new PoisonEvent("event for unknown application " + applicationId);
                    }
                    return row.getBoolean("applied");
                });
    }

    private static final String FOLLOW_STATUS = "WITH known AS (SELECT id FROM application WHERE id = $3),\n"
            + "first AS (" + ProcessedEvents.FIRST_DELIVERY_IF.formatted("$1", "$2", "known") + "),\n" + """
            changed AS (
                UPDATE application SET status = $4, case_id = coalesce($5::uuid, case_id), updated_at = now()
                WHERE id = $3 AND EXISTS (SELECT 1 FROM first)
                RETURNING id),
            entry AS (
                INSERT INTO timeline_entry (application_id, at, status, event_type, description)
                SELECT id, now(), $4, $6, $7 FROM changed)
            SELECT EXISTS (SELECT 1 FROM known) AS known, EXISTS (SELECT 1 FROM changed) AS applied""";

    private static UUID applicationId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEvent("applicationId is not a UUID: " + value);
        }
    }

    /** Reopens exactly the fields and documents the authority asked for, and puts the request into the mailbox. */
    private Uni<Void> reopen(SqlConnection connection, UUID applicationId, InformationRequested request) {
        String[] fields = request.fields() == null ? new String[0] : request.fields().toArray(String[]::new);
        String[] documents = request.documents() == null ? new String[0] : request.documents().toArray(String[]::new);
        UUID requestId = UUID.fromString(request.requestId());
        return connection.preparedQuery("""
                        UPDATE application SET editable_fields = $2, requested_documents = $3, open_request_id = $4 WHERE id = $1""")
                .execute(Tuple.of(applicationId, fields, documents, requestId))
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, fields, documents, due_date, request_id)
                                SELECT $1, citizen_subject, id, 'INFORMATION_REQUEST', 'Nachforderung zu ' || reference_number, $2, $3, $4, $5, $6
                                FROM application WHERE id = $7""")
                        .execute(Tuple.from(new Object[]{UUID.randomUUID(), Objects.requireNonNullElse(request.message(), ""), fields, documents, request.dueDate(), requestId,
                                applicationId})))
                .replaceWithVoid();
    }

    private Uni<Void> deliverNotice(SqlConnection connection, UUID applicationId, DecisionIssued decision) {
        return connection.preparedQuery("""
                        INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, outcome, reasoning, issued_at)
                        SELECT $1, citizen_subject, id, 'DECISION', 'Bescheid zu ' || reference_number, $2, $3, $4, $6 FROM application WHERE id = $5""")
                .execute(Tuple.from(new Object[]{UUID.randomUUID(), Objects.requireNonNullElse(decision.noticeText(), ""), decision.outcome(),
                        Objects.requireNonNullElse(decision.reasoning(), ""), applicationId,
                        decision.issuedAt() == null ? null : decision.issuedAt().atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }
}
