package org.amtsweg.usage.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
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

import java.util.function.Function;

/**
 * Counts the platform's events into the usage figures (Nutzungszahlen), each event once: its increment and
 * its entry in the processed-event log commit together, so a redelivery adds nothing. Event types it does
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

    @Incoming("applications-in")
    public Uni<Void> applications(Message<String> message) {
        return consumption.consume(message, APPLICATIONS, event -> switch (event.type()) {
            case DraftStarted.TYPE -> once(event, APPLICATIONS, connection -> {
                DraftStarted draft = event.data(DraftStarted.class);
                return ledger.rememberService(connection, draft.applicationId(), draft.authorityId(), draft.serviceKey())
                        .chain(() -> ledger.add(connection, draft.authorityId(), draft.serviceKey(), draft.startedAt(), Increment.draftStarted()));
            });
            case ApplicationSubmitted.TYPE -> once(event, APPLICATIONS, connection -> {
                ApplicationSubmitted submitted = event.data(ApplicationSubmitted.class);
                return ledger.rememberService(connection, submitted.applicationId(), submitted.authorityId(), submitted.serviceKey())
                        .chain(() -> ledger.add(connection, submitted.authorityId(), submitted.serviceKey(), submitted.submittedAt(),
                                Increment.applicationSubmitted()));
            });
            case DocumentStored.TYPE -> once(event, APPLICATIONS, connection -> {
                DocumentStored stored = event.data(DocumentStored.class);
                return ledger.add(connection, stored.authorityId(), stored.serviceKey(), stored.storedAt(), Increment.documentStored(stored.bytes()));
            });
            case DocumentRemoved.TYPE -> once(event, APPLICATIONS, connection -> {
                DocumentRemoved removed = event.data(DocumentRemoved.class);
                return ledger.add(connection, removed.authorityId(), removed.serviceKey(), removed.removedAt(),
                        Increment.documentRemoved(removed.bytes()));
            });
            default -> notCounted(event);
        });
    }

    @Incoming("cases-in")
    public Uni<Void> cases(Message<String> message) {
        return consumption.consume(message, CASES, event -> switch (event.type()) {
            case CaseOpened.TYPE -> once(event, CASES, connection -> {
                CaseOpened opened = event.data(CaseOpened.class);
                return ledger.rememberService(connection, opened.applicationId(), opened.authorityId(), opened.serviceKey())
                        .chain(() -> ledger.add(connection, opened.authorityId(), opened.serviceKey(), opened.openedAt(), Increment.caseOpened()));
            });
            case RegistryCheckCompleted.TYPE -> once(event, CASES, connection -> {
                RegistryCheckCompleted check = event.data(RegistryCheckCompleted.class);
                // The check names no service: the application's earlier events told which (else it waits for them).
                return ledger.registryCheck(connection, check.applicationId(), check.authorityId(), check.completedAt());
            });
            default -> notCounted(event);
        });
    }

    @Incoming("administration-in")
    public Uni<Void> administration(Message<String> message) {
        return consumption.consume(message, ADMINISTRATION, event -> {
            if (!AdministrativeChange.TYPE.equals(event.type())) {
                return notCounted(event);
            }
            AdministrativeChange change = event.data(AdministrativeChange.class);
            if (!STAFF_SERVICE.equals(change.service()) || !STAFF_ENTITY.equals(change.entity()) || change.authority() == null) {
                // Catalogue entries, procedure clients, platform-wide accounts: no staff account of an authority.
                return Uni.createFrom().voidItem();
            }
            return once(event, ADMINISTRATION, connection -> ledger.staffAccountChanged(connection, change.changeId(), change.entityId(),
                    change.authority(), change.changedAt(), isActive(change.after())));
        });
    }

    /** After a deletion there is no account; otherwise it is active if the gateway shows it so. */
    private static boolean isActive(JsonNode after) {
        return after != null && !after.isNull() && after.path("active").asBoolean(false);
    }

    private Uni<Void> once(IncomingEvent event, String consumer, Function<SqlConnection, Uni<Void>> count) {
        return consumption.once(event, consumer, count, null);
    }

    private static Uni<Void> notCounted(IncomingEvent event) {
        LOG.debugf("not counted: %s", event.type());
        return Uni.createFrom().voidItem();
    }
}
