package org.amtsweg.cases.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.cases.messaging.IncomingEvent;
import org.amtsweg.cases.messaging.Outbox;
import org.amtsweg.cases.messaging.OutboxRelay;
import org.amtsweg.cases.messaging.ProcessedEvents;
import org.amtsweg.cases.registry.RegisterQuery;
import org.amtsweg.cases.registry.RegistryChecks;
import org.amtsweg.events.Applicant;
import org.amtsweg.cases.work.CaseWork;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.ApplicationSupplemented;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

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
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final RegistryChecks registryChecks;
    private final ObjectMapper mapper;
    private final CaseWork work;

    public ApplicationEventConsumer(Pool pool, ProcessedEvents processed, Outbox outbox, OutboxRelay relay,
                                    RegistryChecks registryChecks, ObjectMapper mapper, CaseWork work) {
        this.work = work;
        this.pool = pool;
        this.processed = processed;
        this.outbox = outbox;
        this.relay = relay;
        this.registryChecks = registryChecks;
        this.mapper = mapper;
    }

    @Incoming("applications-in")
    public Uni<Void> consume(Message<String> message) {
        return Uni.createFrom().item(() -> IncomingEvent.of(message))
                .chain(event -> {
                    MDC.put("correlationId", String.valueOf(event.correlationId()));
                    return pool.withTransaction(connection -> processed.firstDelivery(connection, CONSUMER, event.id())
                            .chain(first -> first ? apply(connection, event) : Uni.createFrom().item(false)));
                })
                .invoke(opened -> {
                    if (opened) {
                        relay.nudge();
                        registryChecks.nudge();
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("application event not applied, sent to the dead-letter topic: %s", failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Uni<Boolean> apply(SqlConnection connection, IncomingEvent event) {
        if (ApplicationSupplemented.TYPE.equals(event.type())) {
            try {
                return work.supplement(connection, mapper.readValue(event.data(), ApplicationSupplemented.class));
            } catch (Exception e) {
                throw new IllegalArgumentException("ApplicationSupplemented does not match its contract: " + e.getMessage(), e);
            }
        }
        if (!ApplicationSubmitted.TYPE.equals(event.type())) {
            LOG.debugf("not handled: %s", event.type());
            return Uni.createFrom().item(false);
        }
        ApplicationSubmitted submitted = parse(event.data());
        return open(connection, submitted);
    }

    private Uni<Boolean> open(SqlConnection connection, ApplicationSubmitted submitted) {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return connection.preparedQuery("""
                        INSERT INTO case_file (id, application_id, reference_number, authority_id, service_key, service_name, form_version,
                            status, applicant, data, attachments, submitted_at, opened_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, 'RECEIVED', $8, $9, $10, $11, $12, $12)
                        ON CONFLICT (application_id) DO NOTHING""")
                .execute(Tuple.from(new Object[]{caseId, UUID.fromString(submitted.applicationId()), submitted.referenceNumber(),
                        submitted.authorityId(), submitted.serviceKey(), submitted.serviceName(), submitted.formVersion(),
                        new JsonObject(mapper.convertValue(submitted.applicant(), java.util.Map.class)),
                        new JsonObject(submitted.data().toString()),
                        new JsonArray(mapper.convertValue(submitted.attachments(), java.util.List.class)),
                        submitted.submittedAt().atOffset(ZoneOffset.UTC), now}))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0) {
                        LOG.infof("application %s already has a case", submitted.applicationId());
                        return Uni.createFrom().item(false);
                    }
                    CaseOpened opened = new CaseOpened(caseId.toString(), submitted.applicationId(), submitted.referenceNumber(),
                            submitted.authorityId(), submitted.serviceKey(), "RECEIVED", now.toInstant());
                    return connection.preparedQuery("""
                                    INSERT INTO case_history (case_id, at, actor, action, to_status, detail)
                                    VALUES ($1, $2, 'system', 'OPENED', 'RECEIVED', $3)""")
                            .execute(Tuple.of(caseId, now, "Antrag " + submitted.referenceNumber() + " eingegangen"))
                            .chain(() -> registryChecks.request(connection, caseId, submitted.serviceName(), submitted.registryChecks(),
                                    query(submitted.applicant())))
                            .chain(() -> outbox.append(connection, Topics.CASES, submitted.applicationId(), CaseOpened.TYPE,
                                    submitted.applicationId(), opened))
                            .invoke(() -> LOG.infof("case %s opened for application %s at %s", caseId, submitted.applicationId(),
                                    submitted.authorityId()))
                            .replaceWith(true);
                });
    }

    private static RegisterQuery query(Applicant applicant) {
        return new RegisterQuery(applicant.givenName(), applicant.familyName(), applicant.birthdate(),
                applicant.address() == null ? null : applicant.address().streetAddress(),
                applicant.address() == null ? null : applicant.address().postalCode(),
                applicant.address() == null ? null : applicant.address().locality());
    }

    private ApplicationSubmitted parse(String json) {
        try {
            return mapper.readValue(json, ApplicationSubmitted.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("ApplicationSubmitted does not match its contract: " + e.getMessage(), e);
        }
    }
}
