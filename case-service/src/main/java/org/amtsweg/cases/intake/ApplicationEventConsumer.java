package org.amtsweg.cases.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.amtsweg.messaging.consume.ProcessedEvents;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Opens exactly one case per submitted application, for the authority the event names: the
 * processed-event log drops redeliveries, the unique application id drops anything else twice.
 */
@ApplicationScoped
public class ApplicationEventConsumer {

    private static final Logger LOG = Logger.getLogger(ApplicationEventConsumer.class);
    private static final String CONSUMER = "case-service.applications";

    private final Pool pool;
    private final EventConsumption consumption;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final RegistryChecks registryChecks;
    private final CaseWork work;

    public ApplicationEventConsumer(Pool pool, EventConsumption consumption, Outbox outbox, OutboxRelay relay,
                                    RegistryChecks registryChecks, CaseWork work) {
        this.pool = pool;
        this.consumption = consumption;
        this.outbox = outbox;
        this.relay = relay;
        this.registryChecks = registryChecks;
        this.work = work;
    }

    @Incoming("applications-in")
    public Uni<Void> consume(Message<String> message) {
        return consumption.consume(message, CONSUMER, event -> apply(event).invoke(changed -> {
            if (changed) {
                relay.nudge();
                registryChecks.nudge();
            }
        }));
    }

    private Uni<Boolean> apply(IncomingEvent event) {
        return switch (event.type()) {
            case ApplicationSubmitted.TYPE -> open(event, event.data(ApplicationSubmitted.class));
            case ApplicationSupplemented.TYPE -> consumption.once(event, CONSUMER,
                    connection -> work.supplement(connection, event.data(ApplicationSupplemented.class)), false);
            default -> {
                LOG.debugf("not handled: %s", event.type());
                yield Uni.createFrom().item(false);
            }
        };
    }

    /**
     * Opens the case in one statement — so one transaction and one round trip: the processed-event
     * entry, the case, its first history entry, the register checks it needs and {@code CaseOpened}
     * in the outbox. A redelivered event, or a second event for an application that has its case,
     * writes nothing but the processed-event entry.
     */
    private Uni<Boolean> open(IncomingEvent event, ApplicationSubmitted submitted) {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        RegistryChecks.Requests checks = registryChecks.requestsFor(submitted.serviceName(), submitted.registryChecks(), query(submitted.applicant()));
        CaseOpened opened = new CaseOpened(caseId.toString(), submitted.applicationId(), submitted.referenceNumber(),
                submitted.authorityId(), submitted.serviceKey(), "RECEIVED", now.toInstant());
        return pool.preparedQuery(OPEN_CASE).execute(Tuple.from(new Object[]{
                        CONSUMER, event.id(), caseId, UUID.fromString(submitted.applicationId()), submitted.referenceNumber(),
                        submitted.authorityId(), submitted.serviceKey(), submitted.serviceName(), submitted.formVersion(),
                        outbox.json(submitted.applicant()), submitted.data().toString(), outbox.json(submitted.attachments()),
                        submitted.submittedAt().atOffset(ZoneOffset.UTC), now, "Antrag " + submitted.referenceNumber() + " eingegangen",
                        checks.registers(), checks.legalBases(), checks.purpose(), checks.request(),
                        UUID.randomUUID(), Topics.CASES, CaseOpened.TYPE, outbox.json(opened), submitted.applicationId()}))
                .map(rows -> {
                    if (rows.size() == 0) {
                        LOG.infof("application %s already has a case, or this event was applied before", submitted.applicationId());
                        return false;
                    }
                    LOG.infof("case %s opened for application %s at %s", caseId, submitted.applicationId(), submitted.authorityId());
                    return true;
                });
    }

    private static final String OPEN_CASE = "WITH first AS (" + ProcessedEvents.FIRST_DELIVERY.formatted("$2", "$1") + "),\n" + """
            opened AS (
                INSERT INTO case_file (id, application_id, reference_number, authority_id, service_key, service_name, form_version,
                    status, applicant, data, attachments, submitted_at, opened_at, updated_at, registry_summary)
                SELECT $3, $4, $5, $6, $7, $8, $9, 'RECEIVED', $10::text::jsonb, $11::text::jsonb, $12::text::jsonb, $13, $14, $14,
                    CASE WHEN cardinality($16::text[]) > 0 THEN 'PENDING' END
                FROM first
                ON CONFLICT (application_id) DO NOTHING
                RETURNING id),
            history AS (
                INSERT INTO case_history (case_id, at, actor, action, to_status, detail)
                SELECT id, $14, 'system', 'OPENED', 'RECEIVED', $15 FROM opened),
            checks AS (
                INSERT INTO registry_check (id, case_id, register, legal_basis, purpose, request, state, requested_at, next_attempt_at)
                SELECT gen_random_uuid(), opened.id, r.register, r.legal_basis, $18, $19::text::jsonb, 'PENDING', now(), now()
                FROM opened, unnest($16::text[], $17::text[]) AS r (register, legal_basis)),
            event AS (
                """ + Outbox.INSERT_INTO + """
                SELECT $20, $21, $24, $22, $24, $23::text::jsonb, $14 FROM opened)
            SELECT id FROM opened""";

    private static RegisterQuery query(Applicant applicant) {
        return new RegisterQuery(applicant.givenName(), applicant.familyName(), applicant.birthdate(),
                applicant.address() == null ? null : applicant.address().streetAddress(),
                applicant.address() == null ? null : applicant.address().postalCode(),
                applicant.address() == null ? null : applicant.address().locality());
    }
}
