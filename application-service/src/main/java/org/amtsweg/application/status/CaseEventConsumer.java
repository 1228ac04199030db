package org.amtsweg.application.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.application.intake.Intake;
import org.amtsweg.application.messaging.IncomingEvent;
import org.amtsweg.application.messaging.ProcessedEvents;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.CaseStatusChanged;
import org.amtsweg.events.DecisionIssued;
import org.amtsweg.events.InformationRequested;
import org.amtsweg.events.RegistryCheckCompleted;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * Follows the case of each application, so that the citizen sees its status and timeline. Each event
 * is applied once: its id goes into the processed-event log in the same transaction.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);
    private static final String CONSUMER = "application-service.cases";

    private final Pool pool;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;

    public CaseEventConsumer(Pool pool, ProcessedEvents processed, ObjectMapper mapper) {
        this.pool = pool;
        this.processed = processed;
        this.mapper = mapper;
    }

    @Incoming("cases-in")
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom().item(() -> IncomingEvent.of(message))
                .chain(event -> {
                    MDC.put("correlationId", String.valueOf(event.correlationId()));
                    return pool.withTransaction(connection -> processed.firstDelivery(connection, CONSUMER, event.id())
                            .chain(first -> first ? apply(connection, event) : Uni.createFrom().voidItem()));
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("case event not applied, sent to the dead-letter topic: %s", failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Uni<Void> apply(SqlConnection connection, IncomingEvent event) {
        JsonNode data = parse(event.data());
        UUID applicationId = UUID.fromString(data.get("applicationId").asText());
        return switch (event.type()) {
            case CaseOpened.TYPE -> update(connection, applicationId, "RECEIVED", data.get("caseId").asText(), event.type(),
                    "Vorgang bei der Behörde eröffnet");
            case CaseStatusChanged.TYPE -> update(connection, applicationId, data.get("status").asText(), null, event.type(),
                    "Status: " + data.get("status").asText());
            case InformationRequested.TYPE -> update(connection, applicationId, "INFORMATION_REQUESTED", null, event.type(),
                    "Die Behörde bittet um weitere Angaben")
                    .chain(() -> reopen(connection, applicationId, data));
            case DecisionIssued.TYPE -> update(connection, applicationId, "DECIDED", null, event.type(), "Bescheid erlassen")
                    .chain(() -> deliverNotice(connection, applicationId, data));
            // Register results are the clerk's working material; the citizen's status does not change.
            case RegistryCheckCompleted.TYPE -> Uni.createFrom().voidItem();
            default -> {
                LOG.debugf("ignoring event type %s", event.type());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> update(SqlConnection connection, UUID applicationId, String status, String caseId, String eventType, String description) {
        return connection.preparedQuery("""
                        UPDATE application SET status = $2, case_id = coalesce($3::uuid, case_id), updated_at = now()
                        WHERE id = $1""")
                .execute(Tuple.of(applicationId, status, caseId == null ? null : UUID.fromString(caseId)))
                .chain(result -> result.rowCount() == 0
                        ? Uni.createFrom().failure(new IllegalStateException("event for unknown application " + applicationId))
                        : Intake.timeline(connection, applicationId, status, eventType, description));
    }

    /** Reopens exactly the fields and documents the authority asked for, and puts the request into the mailbox. */
    private Uni<Void> reopen(SqlConnection connection, UUID applicationId, JsonNode request) {
        String[] fields = strings(request.path("fields"));
        String[] documents = strings(request.path("documents"));
        UUID requestId = UUID.fromString(request.get("requestId").asText());
        return connection.preparedQuery("""
                        UPDATE application SET editable_fields = $2, requested_documents = $3, open_request_id = $4 WHERE id = $1""")
                .execute(Tuple.of(applicationId, fields, documents, requestId))
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, fields, documents, due_date, request_id)
                                SELECT $1, citizen_subject, id, 'INFORMATION_REQUEST', 'Nachforderung zu ' || reference_number, $2, $3, $4, $5, $6
                                FROM application WHERE id = $7""")
                        .execute(Tuple.from(new Object[]{UUID.randomUUID(), request.path("message").asText(), fields, documents,
                                request.hasNonNull("dueDate") ? java.time.LocalDate.parse(request.get("dueDate").asText()) : null, requestId,
                                applicationId})))
                .replaceWithVoid();
    }

    private Uni<Void> deliverNotice(SqlConnection connection, UUID applicationId, JsonNode decision) {
        return connection.preparedQuery("""
                        INSERT INTO mailbox_message (id, citizen_subject, application_id, kind, subject, body, outcome, reasoning, issued_at)
                        SELECT $1, citizen_subject, id, 'DECISION', 'Bescheid zu ' || reference_number, $2, $3, $4, $6 FROM application WHERE id = $5""")
                .execute(Tuple.from(new Object[]{UUID.randomUUID(), decision.path("noticeText").asText(), decision.path("outcome").asText(),
                        decision.path("reasoning").asText(), applicationId,
                        decision.hasNonNull("issuedAt") ? java.time.OffsetDateTime.parse(decision.get("issuedAt").asText()) : null}))
                .replaceWithVoid();
    }

    private static String[] strings(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values.toArray(String[]::new);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("event data is not JSON", e);
        }
    }
}
