package org.amtsweg.usage.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.DocumentRemoved;
import org.amtsweg.events.DocumentStored;
import org.amtsweg.events.DraftStarted;
import org.amtsweg.events.RegistryCheckCompleted;
import org.amtsweg.messaging.consume.EventConsumption;
import org.amtsweg.messaging.consume.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Counts the platform's events into the usage figures (Nutzungszahlen), each event once: its increment and
 * its entry in the processed-event log commit together, so a redelivery adds nothing. Drafts, submissions, documents,
 * cases and register checks are read a poll at a time and counted in one transaction per poll. Event types it does
 * not count are acknowledged without effect; only an event that can never be counted goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class UsageEventConsumer {

    private static final Logger LOG = Logger.getLogger(UsageEventConsumer.class);
    static final String APPLICATIONS = "usage-service.applications";
    static final String CASES = "usage-service.cases";
    static final String ADMINISTRATION = "usage-service.administration";
    /** The owner and kind of the administered entity whose changes decide the active staff accounts. */
    static final String STAFF_SERVICE = "identity-gateway";

    static final String STAFF_ENTITY = "staff-account";

    private final EventConsumption consumption;
    private final UsageLedger ledger;

    public UsageEventConsumer(EventConsumption consumption, UsageLedger ledger) {
        this.consumption = consumption;
        this.ledger = ledger;
    }

    /**
     * Drafts, submissions and documents, a poll at a time: one transaction counts them all, since one commit per event
     * would cost more than the counting.
     */
    @Incoming("applications-in")
    public Uni<Void> applications(KafkaRecordBatch<String, String> batch) {
        return consumption.consumeBatch(batch, APPLICATIONS, (connection, events) -> {
            PollCounts counts = new PollCounts();
            events.forEach(event -> countApplicationEvent(event, counts));
            return ledger.record(connection, counts);
        });
    }

    private static void countApplicationEvent(IncomingEvent event, PollCounts counts) {
        switch (event.type()) {
            case DraftStarted.TYPE -> {
                DraftStarted draft = event.data(DraftStarted.class);
                counts.service(draft.applicationId(), draft.authorityId(), draft.serviceKey());
                counts.add(draft.authorityId(), draft.serviceKey(), draft.startedAt(), Increment.draftStarted());
            }
            case ApplicationSubmitted.TYPE -> {
                ApplicationSubmitted submitted = event.data(ApplicationSubmitted.class);
                counts.service(submitted.applicationId(), submitted.authorityId(), submitted.serviceKey());
                counts.add(
                        submitted.authorityId(),
                        submitted.serviceKey(),
                        submitted.submittedAt(),
                        Increment.applicationSubmitted());
            }
            case DocumentStored.TYPE -> {
                DocumentStored stored = event.data(DocumentStored.class);
                counts.add(
                        stored.authorityId(),
                        stored.serviceKey(),
                        stored.storedAt(),
                        Increment.documentStored(stored.bytes()));
            }
            case DocumentRemoved.TYPE -> {
                DocumentRemoved removed = event.data(DocumentRemoved.class);
                counts.add(
                        removed.authorityId(),
                        removed.serviceKey(),
                        removed.removedAt(),
                        Increment.documentRemoved(removed.bytes()));
            }
            default -> notCounted(event);
        }
    }

    /** Cases and register checks, a poll at a time. */
    @Incoming("cases-in")
    public Uni<Void> cases(KafkaRecordBatch<String, String> batch) {
        return consumption.consumeBatch(batch, CASES, (connection, events) -> {
            PollCounts counts = new PollCounts();
            events.forEach(event -> countCaseEvent(event, counts));
            return ledger.record(connection, counts);
        });
    }

    private static void countCaseEvent(IncomingEvent event, PollCounts counts) {
        switch (event.type()) {
            case CaseOpened.TYPE -> {
                CaseOpened opened = event.data(CaseOpened.class);
                counts.service(opened.applicationId(), opened.authorityId(), opened.serviceKey());
                counts.add(opened.authorityId(), opened.serviceKey(), opened.openedAt(), Increment.caseOpened());
            }
            // The check names no service: the application's earlier events told which (else it waits for them).
            case RegistryCheckCompleted.TYPE -> {
                RegistryCheckCompleted check = event.data(RegistryCheckCompleted.class);
                counts.registryCheck(check.applicationId(), check.authorityId(), check.completedAt());
            }
            default -> notCounted(event);
        }
    }

    @Incoming("administration-in")
    public Uni<Void> administration(Message<String> message) {
        return consumption.consume(message, ADMINISTRATION, event -> {
            if (!AdministrativeChange.TYPE.equals(event.type())) {
                notCounted(event);
                return Uni.createFrom().voidItem();
            }
            AdministrativeChange change = event.data(AdministrativeChange.class);
            if (!STAFF_SERVICE.equals(change.service())
                    || !STAFF_ENTITY.equals(change.entity())
                    || change.authority() == null) {
                // Catalogue entries, procedure clients, platform-wide accounts: no staff account of an authority.
                return Uni.createFrom().voidItem();
            }
            return consumption.once(
                    event,
                    ADMINISTRATION,
                    connection -> ledger.staffAccountChanged(
                            connection,
                            change.changeId(),
                            change.entityId(),
                            change.authority(),
                            change.changedAt(),
                            isActive(change.after())),
                    null);
        });
    }

    /** After a deletion there is no account; otherwise it is active if the gateway shows it so. */
    private static boolean isActive(JsonNode after) {
        return after != null && !after.isNull() && after.path("active").asBoolean(false);
    }

    private static void notCounted(IncomingEvent event) {
        LOG.debugf("not counted: %s", event.type());
    }
}
