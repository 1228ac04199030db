package org.amtsweg.cases.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.registry.RegisterQuery;
import org.amtsweg.cases.registry.RegistryChecks;
import org.amtsweg.cases.work.CaseWork;
import org.amtsweg.events.Applicant;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.ApplicationSupplemented;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.IncomingEvent;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxEvent;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Opens exactly one case per submitted application, for the authority the event names: the
 * processed-event log drops redeliveries, the unique application id drops anything else twice.
 */
@ApplicationScoped
public class ApplicationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ApplicationEventConsumer.class);
    private static final String CONSUMER = "case-service.applications";

    private final EventConsumption consumption;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final RegistryChecks registryChecks;
    private final CaseWork work;
    private final double sweepAfterSeconds;

    public ApplicationEventConsumer(
            EventConsumption consumption,
            Outbox outbox,
            OutboxRelay relay,
            RegistryChecks registryChecks,
            CaseWork work,
            CaseConfig config) {
        this.consumption = consumption;
        this.outbox = outbox;
        this.relay = relay;
        this.registryChecks = registryChecks;
        this.work = work;
        this.sweepAfterSeconds = config.registry().sweepAfter().toMillis() / 1000.0;
    }

    /**
     * A poll at a time, in one transaction: under load one commit opens many cases, where one commit per case was
     * most of the intake's database work. Drafts and documents on the topic are not the case-service's business and
     * cost nothing. Once the poll has committed, its {@code CaseOpened} events are sent and the registers are asked for the
     * new cases' checks.
     */
    @Incoming("applications-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumption.consumeBatch(
                batch, CONSUMER, ApplicationEventConsumer::handled, this::apply, this::sendAndAsk);
    }

    private static boolean handled(IncomingEvent event) {
        return ApplicationSubmitted.TYPE.equals(event.type()) || ApplicationSupplemented.TYPE.equals(event.type());
    }

    /** What one transaction of the intake wrote: filled while it runs, acted on only once it has committed. */
    private static final class Opened {
        /** The new cases' {@code CaseOpened}, as their outbox rows hold them. */
        final List<OutboxEvent> events = new ArrayList<>();
        /** The register checks of the new cases. */
        final List<UUID> checks = new ArrayList<>();
        /** A supplement wrote its event into the outbox, for the sweep. */
        boolean supplemented;
    }

    /**
     * The openings are sent from memory, right after the commit, without the sweep's second read of the outbox; their
     * register checks are asked only once they are out: a check answered in between could overtake its case's opening on
     * the journey's partition (seen: 363 of 26,000 journeys when both went out right after their commits).
     */
    private void sendAndAsk(Opened opened) {
        CompletableFuture<?>[] sent = opened.events.stream()
                .map(event -> relay.publishCommitted(event).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        if (opened.supplemented) {
            relay.nudge();
        }
        // The acknowledgements complete on the producer's network thread: the registers are asked back on the
        // consumer's context, not on the thread that carries every other acknowledgement (seen: the whole pipeline
        // 15 % slower).
        Context context = Vertx.currentContext();
        CompletableFuture.allOf(sent).whenComplete((out, failure) -> {
            if (context == null) {
                registryChecks.askNow(opened.checks);
            } else {
                context.runOnContext(ignored -> registryChecks.askNow(opened.checks));
            }
        });
    }

    /** The events in the topic's order: consecutive submissions open their cases in one round trip, a supplement waits for them. */
    private Uni<Opened> apply(SqlConnection connection, List<IncomingEvent> events) {
        Opened opened = new Opened();
        Uni<Void> done = Uni.createFrom().voidItem();
        List<IncomingEvent> submissions = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (ApplicationSubmitted.TYPE.equals(event.type())) {
                submissions.add(event);
                continue;
            }
            List<IncomingEvent> before = List.copyOf(submissions);
            submissions.clear();
            done = done.chain(() -> open(connection, before, opened))
                    .chain(() -> work.supplement(connection, event.data(ApplicationSupplemented.class)))
                    .invoke(supplemented -> opened.supplemented |= supplemented)
                    .replaceWithVoid();
        }
        List<IncomingEvent> last = List.copyOf(submissions);
        return done.chain(() -> open(connection, last, opened)).replaceWith(opened);
    }

    /**
     * Opens the cases in one statement each (named parameters: twenty-three of them), sent together — the case, its first history entry, the register checks
     * it needs and {@code CaseOpened} in the outbox. A second event for an application that has its case writes nothing.
     * Each statement answers a row per register check of the case it opened ({@code check_id} null where it needs none).
     */
    private Uni<Void> open(SqlConnection connection, List<IncomingEvent> events, Opened opened) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> cases = new ArrayList<>();
        List<ApplicationSubmitted> submitted = new ArrayList<>();
        List<OutboxEvent> announced = new ArrayList<>();
        for (IncomingEvent event : events) {
            ApplicationSubmitted submission = event.data(ApplicationSubmitted.class);
            submitted.add(submission);
            UUID caseId = UUID.randomUUID();
            OutboxEvent caseOpened = caseOpened(submission, caseId, now);
            cases.add(openCase(submission, caseId, caseOpened, now));
            // Before the row is written: a sweep in between leaves it to sendAndAsk.
            relay.expect(caseOpened.id());
            announced.add(caseOpened);
        }
        return SqlTemplate.forQuery(connection, OPEN_CASE)
                .executeBatch(cases)
                .onFailure()
                .invoke(() -> announced.forEach(event -> relay.forget(event.id())))
                .invoke(rows -> {
                    int i = 0;
                    for (RowSet<Row> rowsOfCase = rows; rowsOfCase != null; rowsOfCase = rowsOfCase.next(), i++) {
                        ApplicationSubmitted submission = submitted.get(i);
                        if (rowsOfCase.size() == 0) {
                            relay.forget(announced.get(i).id());
                            LOG.infof("application %s already has a case", submission.applicationId());
                        } else {
                            opened.events.add(announced.get(i));
                            for (Row row : rowsOfCase) {
                                UUID check = row.getUUID("check_id");
                                if (check != null) {
                                    opened.checks.add(check);
                                }
                            }
                            LOG.infof(
                                    "case %s opened for application %s at %s",
                                    rowsOfCase.iterator().next().getUUID("id"),
                                    submission.applicationId(),
                                    submission.authorityId());
                        }
                    }
                })
                .replaceWithVoid();
    }

    /** The case's {@code CaseOpened} as its outbox row holds it: keyed by the application, the journey's key. */
    private OutboxEvent caseOpened(ApplicationSubmitted submitted, UUID caseId, OffsetDateTime now) {
        CaseOpened opened = new CaseOpened(
                caseId.toString(),
                submitted.applicationId(),
                submitted.referenceNumber(),
                submitted.authorityId(),
                submitted.serviceKey(),
                "RECEIVED",
                now.toInstant());
        return new OutboxEvent(
                UUID.randomUUID(),
                Topics.CASES,
                submitted.applicationId(),
                CaseOpened.TYPE,
                submitted.applicationId(),
                outbox.json(opened),
                now);
    }

    private Map<String, Object> openCase(
            ApplicationSubmitted submitted, UUID caseId, OutboxEvent caseOpened, OffsetDateTime now) {
        RegistryChecks.Requests checks = registryChecks.requestsFor(
                submitted.serviceName(), submitted.registryChecks(), query(submitted.applicant()));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("caseId", caseId);
        parameters.put("applicationId", UUID.fromString(submitted.applicationId()));
        parameters.put("referenceNumber", submitted.referenceNumber());
        parameters.put("authorityId", submitted.authorityId());
        parameters.put("serviceKey", submitted.serviceKey());
        parameters.put("serviceName", submitted.serviceName());
        parameters.put("formVersion", submitted.formVersion());
        parameters.put("applicant", outbox.json(submitted.applicant()));
        parameters.put("data", submitted.data().toString());
        parameters.put("attachments", outbox.json(submitted.attachments()));
        parameters.put("submittedAt", submitted.submittedAt().atOffset(ZoneOffset.UTC));
        parameters.put("now", now);
        parameters.put("detail", "Antrag " + submitted.referenceNumber() + " eingegangen");
        parameters.put("registers", checks.registers());
        parameters.put("legalBases", checks.legalBases());
        parameters.put("purpose", checks.purpose());
        parameters.put("request", checks.request());
        parameters.put("sweepAfter", sweepAfterSeconds);
        parameters.put("eventId", caseOpened.id());
        parameters.put("topic", caseOpened.topic());
        parameters.put("eventType", caseOpened.type());
        parameters.put("payload", caseOpened.payload());
        parameters.put("correlationId", caseOpened.correlationId());
        return parameters;
    }

    private static final String OPEN_CASE = """
            WITH opened AS (
                INSERT INTO case_file (id, application_id, reference_number, authority_id, service_key, service_name, form_version,
                    status, applicant, data, attachments, submitted_at, opened_at, updated_at, registry_summary)
                SELECT #{caseId}, #{applicationId}, #{referenceNumber}, #{authorityId}, #{serviceKey}, #{serviceName}, #{formVersion},
                    'RECEIVED', #{applicant}::text::jsonb, #{data}::text::jsonb, #{attachments}::text::jsonb, #{submittedAt}, #{now}, #{now},
                    CASE WHEN cardinality(#{registers}::text[]) > 0 THEN 'PENDING' END
                ON CONFLICT (application_id) DO NOTHING
                RETURNING id),
            history AS (
                INSERT INTO case_history (case_id, at, actor, action, to_status, detail)
                SELECT id, #{now}, 'system', 'OPENED', 'RECEIVED', #{detail} FROM opened),
            checks AS (
                INSERT INTO registry_check (id, case_id, register, legal_basis, purpose, request, state, requested_at, next_attempt_at)
                SELECT gen_random_uuid(), opened.id, r.register, r.legal_basis, #{purpose}, #{request}::text::jsonb, 'PENDING', now(),
                    now() + make_interval(secs => #{sweepAfter})
                FROM opened, unnest(#{registers}::text[], #{legalBases}::text[]) AS r (register, legal_basis)
                RETURNING id, case_id),
            event AS (
                """ + Outbox.INSERT_INTO + """
                SELECT #{eventId}, #{topic}, #{correlationId}, #{eventType}, #{correlationId}, #{payload}::text::jsonb, #{now} FROM opened)
            SELECT opened.id, checks.id AS check_id FROM opened LEFT JOIN checks ON checks.case_id = opened.id""";

    private static RegisterQuery query(Applicant applicant) {
        return new RegisterQuery(
                applicant.givenName(),
                applicant.familyName(),
                applicant.birthdate(),
                applicant.address() == null ? null : applicant.address().streetAddress(),
                applicant.address() == null ? null : applicant.address().postalCode(),
                applicant.address() == null ? null : applicant.address().locality());
    }
}
