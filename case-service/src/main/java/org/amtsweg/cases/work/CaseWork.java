package org.amtsweg.cases.work;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.handover.push.DeliveryJobs;
import org.amtsweg.cases.lifecycle.CaseStatus;
import org.amtsweg.cases.security.Clerk;
import org.amtsweg.events.ApplicationSupplemented;
import org.amtsweg.events.CaseStatusChanged;
import org.amtsweg.events.DecisionIssued;
import org.amtsweg.events.InformationRequested;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;

/**
 * What clerks do with a case: take it, ask for missing information, decide. Each step checks the
 * lifecycle (409), the expected revision (412), writes the history and its events in one transaction.
 */
@ApplicationScoped
public class CaseWork {

    private final Pool pool;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final DeliveryJobs deliveries;

    public CaseWork(Pool pool, Outbox outbox, OutboxRelay relay, ObjectMapper mapper, DeliveryJobs deliveries) {
        this.pool = pool;
        this.outbox = outbox;
        this.relay = relay;
        this.mapper = mapper;
        this.deliveries = deliveries;
    }

    /** The locked state of a case within a step. */
    record Locked(UUID id, UUID applicationId, String authorityId, CaseStatus status, String assignee, int revision) {}

    /**
     * Takes a case (self), or gives it to a colleague (supervisors only); a received case goes into review.
     * A case a colleague holds stays theirs (409 naming them) unless a supervisor reassigns it or the clerk
     * takes it over explicitly with a reason; either is recorded in the history: who took it from whom,
     * when and why. Taking a case one already holds changes nothing.
     */
    public Uni<Void> assign(
            Clerk clerk, UUID caseId, String assignee, boolean takeOver, String reason, Integer expectedRevision) {
        String target = assignee == null || assignee.isBlank() ? clerk.username() : assignee;
        if (!target.equals(clerk.username()) && !clerk.isSupervisor()) {
            throw Problems.forbidden("Nur die Sachgebietsleitung weist Vorgänge anderen zu.");
        }
        return step(clerk, caseId, expectedRevision, (connection, locked) -> {
            CaseStatus next = locked.status() == CaseStatus.RECEIVED ? CaseStatus.IN_REVIEW : locked.status();
            if (locked.status() != CaseStatus.RECEIVED
                    && locked.status() != CaseStatus.IN_REVIEW
                    && locked.status() != CaseStatus.INFORMATION_REQUESTED) {
                throw new CaseStatus.IllegalTransition(locked.status(), CaseStatus.IN_REVIEW);
            }
            String holder = locked.assignee();
            if (target.equals(holder) && next == locked.status()) {
                return Uni.createFrom().voidItem();
            }
            if (holder == null || holder.equals(target)) {
                return update(
                        connection, locked, next, target, clerk.username(), "ASSIGNED", "zugewiesen an " + target);
            }
            if (!clerk.isSupervisor() && !takeOver) {
                throw Problems.caseHeldByColleague(holder);
            }
            String why = reason == null || reason.isBlank() ? "" : " Grund: " + reason.strip();
            return target.equals(clerk.username())
                    ? update(
                            connection,
                            locked,
                            next,
                            target,
                            clerk.username(),
                            "TAKEN_OVER",
                            clerk.username() + " hat den Vorgang von " + holder + " übernommen." + why)
                    : update(
                            connection,
                            locked,
                            next,
                            target,
                            clerk.username(),
                            "REASSIGNED",
                            "von " + holder + " an " + target + " neu zugewiesen." + why);
        });
    }

    /** Asks the applicant for missing information (Nachforderung): exactly these fields and documents. */
    public Uni<UUID> requestInformation(
            Clerk clerk,
            UUID caseId,
            String message,
            List<String> fields,
            List<String> documents,
            LocalDate dueDate,
            Integer expectedRevision) {
        UUID requestId = UUID.randomUUID();
        return step(clerk, caseId, expectedRevision, (connection, locked) -> {
                    CaseStatus next = locked.status().moveTo(CaseStatus.INFORMATION_REQUESTED);
                    return unknownFields(connection, caseId, fields).chain(unknown -> {
                        WorkInput.refuseUnknownFields(unknown);
                        return informationRequested(
                                connection, clerk, locked, next, requestId, message, fields, documents, dueDate);
                    });
                })
                .replaceWith(requestId);
    }

    /**
     * The requested fields the case's data does not have: neither a value nor a property of an object
     * the applicant filled in (an optional field left empty may well be what is missing). The form's
     * schema lives in the catalogue; the data is what this service holds.
     */
    private Uni<List<Integer>> unknownFields(SqlConnection connection, UUID caseId, List<String> fields) {
        return connection
                .preparedQuery("SELECT data::text AS data FROM case_file WHERE id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    JsonNode data;
                    try {
                        data = mapper.readTree(rows.iterator().next().getString("data"));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored case data is not JSON", e);
                    }
                    List<Integer> unknown = new ArrayList<>();
                    for (int i = 0; i < fields.size(); i++) {
                        JsonPointer pointer = JsonPointer.compile(fields.get(i));
                        if (data.at(pointer).isMissingNode()
                                && !data.at(pointer.head()).isObject()) {
                            unknown.add(i);
                        }
                    }
                    return unknown;
                });
    }

    private Uni<Void> informationRequested(
            SqlConnection connection,
            Clerk clerk,
            Locked locked,
            CaseStatus next,
            UUID requestId,
            String message,
            List<String> fields,
            List<String> documents,
            LocalDate dueDate) {
        UUID caseId = locked.id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        InformationRequested event = new InformationRequested(
                caseId.toString(),
                locked.applicationId().toString(),
                locked.authorityId(),
                requestId.toString(),
                message,
                fields,
                documents,
                dueDate,
                now.toInstant());
        Map<String, Object> request = new HashMap<>();
        request.put("requestId", requestId);
        request.put("caseId", caseId);
        request.put("message", message);
        request.put("fields", fields.toArray(String[]::new));
        request.put("documents", documents.toArray(String[]::new));
        request.put("dueDate", dueDate);
        request.put("requestedBy", clerk.username());
        request.put("requestedAt", now);
        return SqlTemplate.forUpdate(connection, """
                        INSERT INTO information_request (id, case_id, message, fields, documents, due_date, requested_by,
                            requested_at)
                        VALUES (#{requestId}, #{caseId}, #{message}, #{fields}, #{documents}, #{dueDate}, #{requestedBy},
                            #{requestedAt})""")
                .execute(request)
                .chain(() -> update(
                        connection,
                        locked,
                        next,
                        locked.assignee(),
                        clerk.username(),
                        "INFORMATION_REQUESTED",
                        message))
                .chain(() -> outbox.append(
                        connection,
                        Topics.CASES,
                        locked.applicationId().toString(),
                        InformationRequested.TYPE,
                        locked.applicationId().toString(),
                        event))
                .replaceWithVoid();
    }

    /** Decides the case and issues the notice (Bescheid). */
    public Uni<UUID> decide(
            Clerk clerk, UUID caseId, String outcome, String reasoning, String noticeText, Integer expectedRevision) {
        UUID decisionId = UUID.randomUUID();
        return step(clerk, caseId, expectedRevision, (connection, locked) -> {
                    if (locked.assignee() != null
                            && !locked.assignee().equals(clerk.username())
                            && !clerk.isSupervisor()) {
                        throw Problems.forbidden("Den Vorgang bearbeitet " + locked.assignee()
                                + "; entscheiden kann nur, wer ihn bearbeitet.");
                    }
                    CaseStatus next = locked.status().moveTo(CaseStatus.DECIDED);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    DecisionIssued event = new DecisionIssued(
                            caseId.toString(),
                            locked.applicationId().toString(),
                            locked.authorityId(),
                            decisionId.toString(),
                            outcome,
                            reasoning,
                            noticeText,
                            now.toInstant());
                    Map<String, Object> decision = new HashMap<>();
                    decision.put("decisionId", decisionId);
                    decision.put("caseId", caseId);
                    decision.put("outcome", outcome);
                    decision.put("reasoning", reasoning);
                    decision.put("noticeText", noticeText);
                    decision.put("decidedBy", clerk.username());
                    decision.put("issuedAt", now);
                    return SqlTemplate.forUpdate(connection, """
                            INSERT INTO decision (id, case_id, outcome, reasoning, notice_text, decided_by, issued_at)
                            VALUES (#{decisionId}, #{caseId}, #{outcome}, #{reasoning}, #{noticeText}, #{decidedBy}, #{issuedAt})""")
                            .execute(decision)
                            .chain(() -> update(
                                    connection,
                                    locked,
                                    next,
                                    locked.assignee() == null ? clerk.username() : locked.assignee(),
                                    clerk.username(),
                                    "DECIDED",
                                    outcome))
                            .chain(() -> outbox.append(
                                    connection,
                                    Topics.CASES,
                                    locked.applicationId().toString(),
                                    DecisionIssued.TYPE,
                                    locked.applicationId().toString(),
                                    event))
                            // Push handover: the delivery is part of the decision, so that no decided case is left
                            // undelivered.
                            .chain(() -> deliveries.scheduleIfPush(connection, caseId, locked.authorityId(), now))
                            .replaceWithVoid();
                })
                .replaceWith(decisionId);
    }

    /** A specialist procedure confirmed it took the decided case over. */
    public Uni<Void> handOver(Clerk clerk, UUID caseId) {
        return step(
                clerk,
                caseId,
                null,
                (connection, locked) -> update(
                        connection,
                        locked,
                        locked.status().moveTo(CaseStatus.HANDED_OVER),
                        locked.assignee(),
                        clerk.username(),
                        "HANDED_OVER",
                        "vom Fachverfahren übernommen"));
    }

    /**
     * The procedure's signed answer (a verified SET): accepted moves the decided case to HANDED_OVER as the pull
     * confirmation does; rejected keeps it DECIDED, with the reason in the history for the clerk and on the delivery
     * for the operator. {@code record} writes the SET into the case's event log in the same transaction.
     */
    public Uni<Void> answerHandover(
            Clerk procedure, UUID caseId, boolean accepted, String reason, Function<SqlConnection, Uni<Void>> record) {
        return step(procedure, caseId, null, (connection, locked) -> {
            if (locked.status() != CaseStatus.DECIDED) {
                throw new CaseStatus.IllegalTransition(locked.status(), CaseStatus.HANDED_OVER);
            }
            Uni<Void> written = record.apply(connection);
            return accepted
                    ? written.chain(() -> update(
                            connection,
                            locked,
                            CaseStatus.HANDED_OVER,
                            locked.assignee(),
                            procedure.username(),
                            "HANDED_OVER",
                            "vom Fachverfahren übernommen (signierte Quittung)"))
                    : written.chain(() -> history(
                                    connection,
                                    caseId,
                                    procedure.username(),
                                    "HANDOVER_REJECTED",
                                    "vom Fachverfahren abgelehnt: " + reason))
                            .chain(() -> deliveries.rejected(connection, caseId, reason));
        });
    }

    /** An entry in the case's history that changes nothing else (e.g. a delivery to the procedure). */
    public Uni<Void> history(SqlConnection connection, UUID caseId, String actor, String action, String detail) {
        return connection
                .preparedQuery("""
                        INSERT INTO case_history (case_id, at, actor, action, detail) VALUES ($1, now(), $2, $3, $4)""")
                .execute(Tuple.of(caseId, actor, action, detail))
                .replaceWithVoid();
    }

    /** A note for the file; it changes nothing else. */
    public Uni<Void> note(Clerk clerk, UUID caseId, String text) {
        return step(
                clerk,
                caseId,
                null,
                (connection, locked) -> connection
                        .preparedQuery("""
                        INSERT INTO case_history (case_id, at, actor, action, detail) VALUES ($1, now(), $2, 'NOTE', $3)""")
                        .execute(Tuple.of(caseId, clerk.username(), text))
                        .replaceWithVoid());
    }

    /** The applicant answered an information request: the new data goes into the case, which returns to review. */
    public Uni<Boolean> supplement(SqlConnection connection, ApplicationSupplemented event) {
        UUID applicationId = UUID.fromString(event.applicationId());
        return connection
                .preparedQuery(
                        "SELECT id, application_id, authority_id, status, assignee, revision FROM case_file WHERE application_id = $1 FOR UPDATE")
                .execute(Tuple.of(applicationId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException("supplement for an application without case"));
                    }
                    var row = rows.iterator().next();
                    Locked locked = new Locked(
                            row.getUUID("id"),
                            applicationId,
                            row.getString("authority_id"),
                            CaseStatus.valueOf(row.getString("status")),
                            row.getString("assignee"),
                            row.getInteger("revision"));
                    CaseStatus next = locked.status().moveTo(CaseStatus.IN_REVIEW);
                    return connection
                            .preparedQuery("UPDATE case_file SET data = $2, attachments = $3 WHERE id = $1")
                            .execute(Tuple.of(
                                    locked.id(),
                                    new JsonObject(event.data().toString()),
                                    new JsonArray(mapper.convertValue(event.attachments(), List.class))))
                            .chain(() -> connection
                                    .preparedQuery("UPDATE information_request SET answered_at = now() WHERE id = $1")
                                    .execute(Tuple.of(UUID.fromString(event.requestId()))))
                            .chain(() -> update(
                                    connection,
                                    locked,
                                    next,
                                    locked.assignee(),
                                    "applicant",
                                    "SUPPLEMENTED",
                                    "geänderte Angaben: " + String.join(", ", event.changedFields())
                                            + (event.message() == null ? "" : " — Nachricht: " + event.message())))
                            .replaceWith(true);
                });
    }

    /** Writes the new status, the history entry and, if the status changed, {@code CaseStatusChanged}. */
    Uni<Void> update(
            SqlConnection connection,
            Locked locked,
            CaseStatus next,
            String assignee,
            String actor,
            String action,
            String detail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> entry = new HashMap<>();
        entry.put("caseId", locked.id());
        entry.put("at", now);
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("fromStatus", locked.status().name());
        entry.put("toStatus", next.name());
        entry.put("detail", detail);
        Uni<Void> written = connection
                .preparedQuery("""
                        UPDATE case_file SET status = $2, assignee = $3, updated_at = $4, revision = revision + 1 WHERE id = $1""")
                .execute(Tuple.of(locked.id(), next.name(), assignee, now))
                .chain(() -> SqlTemplate.forUpdate(connection, """
                                INSERT INTO case_history (case_id, at, actor, action, from_status, to_status, detail)
                                VALUES (#{caseId}, #{at}, #{actor}, #{action}, #{fromStatus}, #{toStatus}, #{detail})""").execute(entry))
                .replaceWithVoid();
        if (next == locked.status()) {
            return written;
        }
        CaseStatusChanged changed = new CaseStatusChanged(
                locked.id().toString(),
                locked.applicationId().toString(),
                locked.authorityId(),
                locked.status().name(),
                next.name(),
                now.toInstant());
        return written.chain(() -> outbox.append(
                        connection,
                        Topics.CASES,
                        locked.applicationId().toString(),
                        CaseStatusChanged.TYPE,
                        locked.applicationId().toString(),
                        changed))
                .replaceWithVoid();
    }

    /** One step of clerk work: the case locked, within the clerk's authority, at the expected revision. */
    private Uni<Void> step(
            Clerk clerk, UUID caseId, Integer expectedRevision, BiFunction<SqlConnection, Locked, Uni<Void>> work) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                                SELECT id, application_id, authority_id, status, assignee, revision FROM case_file
                                WHERE id = $1 AND authority_id = $2 FOR UPDATE""")
                        .execute(Tuple.of(caseId, clerk.authority()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw Problems.notFound("Es gibt keinen Vorgang " + caseId + " Ihrer Behörde.");
                            }
                            var row = rows.iterator().next();
                            Locked locked = new Locked(
                                    caseId,
                                    row.getUUID("application_id"),
                                    row.getString("authority_id"),
                                    CaseStatus.valueOf(row.getString("status")),
                                    row.getString("assignee"),
                                    row.getInteger("revision"));
                            if (expectedRevision != null && expectedRevision != locked.revision()) {
                                throw Problems.preconditionFailed(locked.revision());
                            }
                            return work.apply(connection, locked);
                        }))
                .onFailure(CaseStatus.IllegalTransition.class)
                .transform(failure -> Problems.illegalTransition((CaseStatus.IllegalTransition) failure))
                .invoke(relay::nudge);
    }
}
