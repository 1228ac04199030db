package org.amtsweg.application.status;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.amtsweg.application.mailbox.Mailbox;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.CaseStatusChanged;
import org.amtsweg.events.DecisionIssued;
import org.amtsweg.events.InformationRequested;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.IncomingEvent;
import org.amtsweg.messaging.consume.PoisonEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the case of each application, so that the citizen sees its status and timeline. Each event
 * is applied once: its id goes into the processed-event log in the same transaction.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final String CONSUMER = "application-service.cases";

    private final EventConsumption consumption;
    private final Mailbox mailbox;

    public CaseEventConsumer(EventConsumption consumption, Mailbox mailbox) {
        this.consumption = consumption;
        this.mailbox = mailbox;
    }

    /**
     * A poll at a time, in one transaction: under load one commit follows many cases, where one commit per event was
     * most of this consumer's database work. An event that changes nothing here (a register result is the clerk's
     * working material) is passed by: no processed-event entry, half of the topic's events.
     */
    @Incoming("cases-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumption.consumeBatch(batch, CONSUMER, CaseEventConsumer::followed, this::apply);
    }

    private static boolean followed(IncomingEvent event) {
        return switch (event.type()) {
            case CaseOpened.TYPE, CaseStatusChanged.TYPE, InformationRequested.TYPE, DecisionIssued.TYPE -> true;
            default -> false;
        };
    }

    /** The events in the topic's order: consecutive status changes in one round trip, a request or a notice after them. */
    private Uni<Void> apply(SqlConnection connection, List<IncomingEvent> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        List<Tuple> statuses = new ArrayList<>();
        for (IncomingEvent event : events) {
            switch (event.type()) {
                case CaseOpened.TYPE -> {
                    CaseOpened opened = event.data(CaseOpened.class);
                    statuses.add(status(
                            applicationId(opened.applicationId()),
                            ApplicationStatus.RECEIVED.name(),
                            opened.caseId(),
                            event,
                            "Vorgang bei der Behörde eröffnet"));
                }
                case CaseStatusChanged.TYPE -> {
                    CaseStatusChanged changed = event.data(CaseStatusChanged.class);
                    // As case-service sends it, which owns the case's lifecycle: a status this service does not know is
                    // kept too.
                    statuses.add(status(
                            applicationId(changed.applicationId()),
                            changed.status(),
                            null,
                            event,
                            "Status: " + changed.status()));
                }
                // With a message for the citizen's mailbox, after the statuses before it.
                case InformationRequested.TYPE -> {
                    InformationRequested request = event.data(InformationRequested.class);
                    UUID applicationId = applicationId(request.applicationId());
                    done = followAndThen(
                            done,
                            connection,
                            statuses,
                            status(
                                    applicationId,
                                    ApplicationStatus.INFORMATION_REQUESTED.name(),
                                    null,
                                    event,
                                    "Die Behörde bittet um weitere Angaben"),
                            () -> reopen(connection, applicationId, request));
                }
                case DecisionIssued.TYPE -> {
                    DecisionIssued decision = event.data(DecisionIssued.class);
                    UUID applicationId = applicationId(decision.applicationId());
                    done = followAndThen(
                            done,
                            connection,
                            statuses,
                            status(applicationId, ApplicationStatus.DECIDED.name(), null, event, "Bescheid erlassen"),
                            () -> mailbox.deliverNotice(connection, applicationId, decision));
                }
                default -> throw new IllegalStateException("not followed: " + event.type());
            }
        }
        List<Tuple> last = List.copyOf(statuses);
        return done.chain(() -> follow(connection, last));
    }

    /** After {@code done}: the statuses gathered so far (taken, so the list starts afresh), then {@code status}, then {@code then}. */
    private static Uni<Void> followAndThen(
            Uni<Void> done, SqlConnection connection, List<Tuple> gathered, Tuple status, Supplier<Uni<Void>> then) {
        List<Tuple> before = List.copyOf(gathered);
        gathered.clear();
        return done.chain(() -> follow(connection, before))
                .chain(() -> follow(connection, List.of(status)))
                .chain(() -> then.get());
    }

    private static Tuple status(
            UUID applicationId, String status, String caseId, IncomingEvent event, String description) {
        return Tuple.from(new Object[] {
            applicationId, status, caseId == null ? null : UUID.fromString(caseId), event.type(), description
        });
    }

    /**
     * Statuses the citizen sees, one statement each, sent together: the status and the timeline entry. One of these
     * follows every submission, so this is on the pipeline's busy path. An unknown application writes nothing and is
     * a poison event.
     */
    private static Uni<Void> follow(SqlConnection connection, List<Tuple> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(FOLLOW_STATUS)
                .executeBatch(statuses)
                .invoke(rows -> {
                    int i = 0;
                    for (RowSet<Row> followed = rows; followed != null; followed = followed.next(), i++) {
                        if (!followed.iterator().next().getBoolean("known")) {
                            throw new PoisonEvent("event for unknown application "
                                    + statuses.get(i).getUUID(0));
                        }
                    }
                })
                .replaceWithVoid();
    }

    private static final String FOLLOW_STATUS = """
            WITH changed AS (
                UPDATE application SET status = $2, case_id = coalesce($3::uuid, case_id), updated_at = now()
                WHERE id = $1
                RETURNING id),
            entry AS (
                INSERT INTO timeline_entry (application_id, at, status, event_type, description)
                SELECT id, now(), $2, $4, $5 FROM changed)
            SELECT EXISTS (SELECT 1 FROM changed) AS known""";

    private static UUID applicationId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEvent("applicationId is not a UUID: " + value);
        }
    }

    /** Reopens exactly the fields and documents the authority asked for, and puts the request into the mailbox. */
    private Uni<Void> reopen(SqlConnection connection, UUID applicationId, InformationRequested request) {
        String[] fields =
                request.fields() == null ? new String[0] : request.fields().toArray(String[]::new);
        String[] documents = request.documents() == null
                ? new String[0]
                : request.documents().toArray(String[]::new);
        UUID requestId = UUID.fromString(request.requestId());
        return connection
                .preparedQuery("""
                        UPDATE application SET editable_fields = $2, requested_documents = $3, open_request_id = $4 WHERE id = $1""")
                .execute(Tuple.of(applicationId, fields, documents, requestId))
                .chain(() -> mailbox.deliverRequest(connection, applicationId, request, requestId, fields, documents));
    }
}
