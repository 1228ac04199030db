package org.amtsweg.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.amtsweg.events.AdministrativeChange;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.CaseOpened;
import org.amtsweg.events.DocumentRemoved;
import org.amtsweg.events.DocumentStored;
import org.amtsweg.events.DraftStarted;
import org.amtsweg.events.RegistryCheckCompleted;
import org.amtsweg.events.Topics;
import org.amtsweg.events.testing.CloudEventTopics;
import org.amtsweg.events.testing.EventContracts;

/**
 * A month of the platform, generated: applications of several authorities and services, each with the
 * events the real services would publish — made from the published examples, checked against their schemas —
 * and, beside them, the figures a correct count must arrive at. A past month, so that whatever the other
 * modules' tests publish onto the same broker (with today's timestamps) falls outside it.
 */
public final class GeneratedMonth {

    public static final List<String> AUTHORITIES = List.of("stadt-dortmund", "stadt-hagen", "stadt-witten");
    public static final List<String> SERVICES = List.of("anwohnerparken", "hundesteuer", "wohngeld");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final BillingMonth month;
    private final Random random;
    private final CloudEventTopics kafka;
    /** Expected figures per authority and service: drafts, submitted, cases, checks, documents, bytes, removed, removed bytes. */
    public final Map<String, Map<String, long[]>> expected = new TreeMap<>();

    public final Map<String, Long> expectedActiveStaff = new TreeMap<>();
    public int published;

    public GeneratedMonth(long seed, CloudEventTopics kafka) {
        this.random = new Random(seed);
        this.kafka = kafka;
        this.month = new BillingMonth(YearMonth.of(2001 + random.nextInt(19), 1 + random.nextInt(12)));
        for (String authority : AUTHORITIES) {
            expectedActiveStaff.put(authority, 0L);
        }
    }

    /** An instant within the month, at least a day from its edges. */
    public Instant within() {
        long span = month.end().getEpochSecond() - month.start().getEpochSecond() - 2 * 86_400;
        return month.start().plusSeconds(86_400 + (long) (random.nextDouble() * span));
    }

    /** One application's life; what of it happens within the month (German time) is added to the expected figures. */
    public void application(String authority, String service, Instant started) {
        String id = UUID.randomUUID().toString();
        publish(
                Topics.APPLICATIONS,
                id,
                DraftStarted.TYPE,
                draft(id, authority, service, started),
                random.nextInt(6) == 0);
        count(authority, service, started, 0, 1);
        int documents = random.nextInt(3);
        for (int i = 0; i < documents; i++) {
            String attachment = UUID.randomUUID().toString();
            long bytes = 1_000 + random.nextInt(2_000_000);
            publish(
                    Topics.APPLICATIONS,
                    id,
                    DocumentStored.TYPE,
                    document(
                            DocumentStored.TYPE,
                            "storedAt",
                            id,
                            attachment,
                            authority,
                            service,
                            bytes,
                            started.plusSeconds(60)),
                    random.nextInt(5) == 0);
            count(authority, service, started.plusSeconds(60), 4, 1);
            count(authority, service, started.plusSeconds(60), 5, bytes);
            if (random.nextInt(4) == 0) {
                publish(
                        Topics.APPLICATIONS,
                        id,
                        DocumentRemoved.TYPE,
                        document(
                                DocumentRemoved.TYPE,
                                "removedAt",
                                id,
                                attachment,
                                authority,
                                service,
                                bytes,
                                started.plusSeconds(120)),
                        false);
                count(authority, service, started.plusSeconds(120), 6, 1);
                count(authority, service, started.plusSeconds(120), 7, bytes);
            }
        }
        if (random.nextInt(3) == 0) {
            return; // abandoned as a draft
        }
        Instant submitted = started.plusSeconds(600);
        publish(
                Topics.APPLICATIONS,
                id,
                ApplicationSubmitted.TYPE,
                submitted(id, authority, service, submitted),
                random.nextInt(4) == 0);
        count(authority, service, submitted, 1, 1);
        String caseId = UUID.randomUUID().toString();
        publish(
                Topics.CASES,
                id,
                CaseOpened.TYPE,
                opened(caseId, id, authority, service, submitted.plusSeconds(5)),
                random.nextInt(4) == 0);
        count(authority, service, submitted.plusSeconds(5), 2, 1);
        int checks = random.nextInt(3);
        for (int i = 0; i < checks; i++) {
            publish(
                    Topics.CASES,
                    id,
                    RegistryCheckCompleted.TYPE,
                    check(caseId, id, authority, submitted.plusSeconds(30 + i)),
                    random.nextInt(4) == 0);
            count(authority, service, submitted.plusSeconds(30 + i), 3, 1);
        }
    }

    /**
     * A case whose register check reaches this service before any event naming the application's service (only the
     * case's events, the check first): held, then counted for the service once {@code CaseOpened} names it.
     */
    public void checkBeforeItsCase(String authority, String service) {
        String id = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant opened = within();
        publish(
                Topics.CASES,
                id,
                RegistryCheckCompleted.TYPE,
                check(caseId, id, authority, opened.plusSeconds(30)),
                true);
        count(authority, service, opened.plusSeconds(30), 3, 1);
        publish(Topics.CASES, id, CaseOpened.TYPE, opened(caseId, id, authority, service, opened), false);
        count(authority, service, opened, 2, 1);
    }

    /** A change of a staff account, from the gateway's administration. */
    public void staffChange(String authority, String account, String action, Instant at, Boolean activeAfter) {
        ObjectNode change = example(AdministrativeChange.TYPE);
        String id = UUID.randomUUID().toString();
        change.put("changeId", id)
                .put("service", "identity-gateway")
                .put("entity", "staff-account")
                .put("entityId", account)
                .put("authority", authority)
                .put("action", action)
                .put("changedAt", at.toString());
        ObjectNode shape = MAPPER.createObjectNode().put("userName", account + "@" + authority);
        if (activeAfter == null) {
            change.set("before", shape.deepCopy().put("active", true));
            change.putNull("after");
        } else {
            if ("created".equals(action)) {
                change.putNull("before");
            } else {
                change.set("before", shape.deepCopy().put("active", !activeAfter));
            }
            change.set("after", shape.deepCopy().put("active", activeAfter));
        }
        publish(Topics.ADMINISTRATION, account, AdministrativeChange.TYPE, change, random.nextInt(3) == 0);
    }

    /** An administrative change the staff count must ignore (another entity, another service). */
    public void otherChange(String authority, Instant at) {
        ObjectNode change = example(AdministrativeChange.TYPE);
        change.put("changeId", UUID.randomUUID().toString())
                .put("service", "catalog-service")
                .put("entity", "availability")
                .put("entityId", "wohngeld")
                .put("authority", authority)
                .put("action", "updated")
                .put("changedAt", at.toString());
        change.set("after", MAPPER.createObjectNode().put("active", true));
        publish(Topics.ADMINISTRATION, "wohngeld", AdministrativeChange.TYPE, change, false);
    }

    public void publish(String topic, String key, String type, ObjectNode data, boolean twice) {
        assertThat(EventContracts.violations(type, data))
                .as("%s as generated", type)
                .isEmpty();
        String id = UUID.randomUUID().toString();
        kafka.publishCloudEvent(topic, key, id, type, "urn:amtsweg:test", key, data.toString());
        published++;
        if (twice) {
            kafka.publishCloudEvent(topic, key, id, type, "urn:amtsweg:test", key, data.toString());
            published++;
        }
    }

    private void count(String authority, String service, Instant at, int figure, long amount) {
        if (!at.isBefore(month.start()) && at.isBefore(month.end())) {
            figures(authority, service)[figure] += amount;
        }
    }

    public long[] figures(String authority, String service) {
        return expected.computeIfAbsent(authority, a -> new TreeMap<>()).computeIfAbsent(service, s -> new long[8]);
    }

    public long submitted(String authority) {
        return expected.getOrDefault(authority, Map.of()).values().stream()
                .mapToLong(f -> f[1])
                .sum();
    }

    public static ObjectNode example(String type) {
        try {
            return (ObjectNode) MAPPER.readTree(EventContracts.example(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode draft(String id, String authority, String service, Instant at) {
        return example(DraftStarted.TYPE)
                .put("applicationId", id)
                .put("authorityId", authority)
                .put("serviceKey", service)
                .put("startedAt", at.toString());
    }

    private static ObjectNode document(
            String type,
            String atField,
            String id,
            String attachment,
            String authority,
            String service,
            long bytes,
            Instant at) {
        return example(type)
                .put("applicationId", id)
                .put("attachmentId", attachment)
                .put("authorityId", authority)
                .put("serviceKey", service)
                .put("bytes", bytes)
                .put(atField, at.toString());
    }

    private static ObjectNode submitted(String id, String authority, String service, Instant at) {
        return example(ApplicationSubmitted.TYPE)
                .put("applicationId", id)
                .put("authorityId", authority)
                .put("serviceKey", service)
                .put("submittedAt", at.toString());
    }

    private static ObjectNode opened(String caseId, String id, String authority, String service, Instant at) {
        return example(CaseOpened.TYPE)
                .put("caseId", caseId)
                .put("applicationId", id)
                .put("authorityId", authority)
                .put("serviceKey", service)
                .put("openedAt", at.toString());
    }

    public static ObjectNode check(String caseId, String id, String authority, Instant at) {
        return example(RegistryCheckCompleted.TYPE)
                .put("caseId", caseId)
                .put("applicationId", id)
                .put("authorityId", authority)
                .put("checkId", UUID.randomUUID().toString())
                .put("completedAt", at.toString());
    }

    public static List<String> figureNames() {
        return new ArrayList<>(List.of(
                "draftsStarted",
                "applicationsSubmitted",
                "casesOpened",
                "registryChecks",
                "documentsStored",
                "documentBytesStored",
                "documentsRemoved",
                "documentBytesRemoved"));
    }
}
