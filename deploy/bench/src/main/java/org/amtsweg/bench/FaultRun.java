package org.amtsweg.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * One fault scenario against a running platform: prepares complete Wohngeld drafts, streams them in like
 * citizens' portals, injects the fault a third of the way in, waits until the part is back, then until every
 * accepted application has completed its journey (or a deadline passed), and audits what became of each.
 * Used by deploy/bench/faults.sh ({@link FaultsBench}) and by the end-to-end suite's short scenario.
 */
public final class FaultRun {

    /** How long the platform has, after the stream, to bring every accepted application to its case and check. */
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private static final Duration BACK_WITHIN = Duration.ofMinutes(3);
    /** Every topic the platform dead-letters to. */
    static final List<String> DEAD_LETTER_TOPICS = List.of(
            "case-service.applications.dlq",
            "case-service.identity.dlq",
            "application-service.cases.dlq",
            "application-service.identity.dlq");

    /** Where the platform is: its gateway, intake and case-service, its broker and its database server ({@code jdbc:postgresql://host:port/}). */
    public record Target(String identity, String application, String caseService, String bootstrap, String jdbc) {}

    private FaultRun() {}

    /** Runs {@code fault} in the middle of {@code submissions} submissions from {@code portals} portals at {@code perSecond}. */
    public static FaultResult run(Target target, Fault fault, int submissions, double perSecond, int portals)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Login citizen = Login.citizen(http, target.identity());
        List<String> drafts = WohngeldDrafts.prepare(http, target.application(), citizen, submissions);
        JourneyAudit audit = new JourneyAudit(target.jdbc());
        FaultResult result = new FaultResult(fault.name, submissions);

        try (TopicArrivals topics = new TopicArrivals(target.bootstrap(), List.of("applications", "cases"))) {
            Map<String, Long> deadLettersBefore = deadLetters(target.bootstrap());
            Portals portalsOfCitizens = new Portals(http, target.application(), citizen);
            long[] times = new long[2]; // injected, back
            System.out.printf(
                    "%s: streaming %d submissions at %.0f/s from %d portals ...%n",
                    fault.name, submissions, perSecond, portals);
            CountDownLatch faultDone = new CountDownLatch(1);
            portalsOfCitizens.stream(drafts, perSecond, portals, submissions / 3, () -> {
                Thread readiness = new Thread(() -> watchReadiness(fault, result), "readiness");
                try {
                    fault.inject.run();
                    times[0] = System.nanoTime();
                    readiness.start();
                    System.out.printf(
                            "%s: done at submission %d; waiting for it to be back ...%n", fault.name, submissions / 3);
                    fault.restore.run();
                    long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
                    while (!fault.back.getAsBoolean()) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(
                                    "not back within " + BACK_WITHIN.toSeconds() + " s: needed a hand");
                        }
                        Thread.sleep(100);
                    }
                    times[1] = System.nanoTime();
                } catch (Exception e) {
                    result.handNeeded(fault.name + ": " + e.getMessage());
                } finally {
                    readiness.interrupt();
                    faultDone.countDown();
                }
            });
            faultDone.await(); // the stream may end before the part is back

            Map<String, String> accepted = portalsOfCitizens.submissions.values().stream()
                    .filter(s -> !s.references.isEmpty())
                    .collect(Collectors.toMap(s -> s.id, s -> s.references.get(0)));
            Map<String, JourneyAudit.Journey> journeys = awaitJourneys(audit, accepted.keySet());
            long outboxes = awaitOutboxes(audit);
            Map<String, Long> deadLettersAfter = deadLetters(target.bootstrap());

            result.accepted = accepted.size();
            result.unanswered = (int) portalsOfCitizens.submissions.values().stream()
                    .filter(s -> s.gaveUp)
                    .count();
            result.errors = portalsOfCitizens.errorSummary();
            result.fiveHundreds = portalsOfCitizens.fiveHundreds();
            result.defects = portalsOfCitizens.defectCount.get();
            portalsOfCitizens.defects.forEach(result::note);
            result.outboxesLeft = outboxes;
            DEAD_LETTER_TOPICS.forEach(topic -> {
                long added = deadLettersAfter.getOrDefault(topic, 0L) - deadLettersBefore.getOrDefault(topic, 0L);
                if (added > 0) {
                    result.deadLetters.put(topic, added);
                }
            });
            result.expectedDeadLetters.putAll(fault.deadLetters);
            if (times[1] > 0) {
                result.backAfter = (times[1] - times[0]) / 1e9;
                // Flowing again: a submission accepted after the part was back, and a case opened for one accepted
                // after the fault (a case opened for an earlier one may have been waiting in the outbox of the killed
                // instance).
                Long submitted = portalsOfCitizens.firstAcceptedAfter(times[1]);
                Long opened = portalsOfCitizens.submissions.values().stream()
                        .filter(s -> s.acceptedAt > times[0])
                        .map(s -> topics.arrival("CaseOpened", s.id))
                        .filter(at -> at != null && at > times[1])
                        .min(Long::compare)
                        .orElse(null);
                Long flowing = submitted == null ? opened : opened == null ? submitted : Math.max(submitted, opened);
                result.flowingAfter = flowing == null ? Double.NaN : (flowing - times[1]) / 1e9;
            }

            for (Map.Entry<String, String> submission : accepted.entrySet()) {
                String id = submission.getKey();
                JourneyAudit.Journey journey = journeys.get(id);
                if (portalsOfCitizens.submissions.get(id).references.stream()
                                .distinct()
                                .count()
                        > 1) {
                    result.duplicated("two reference numbers for " + id + ": "
                            + portalsOfCitizens.submissions.get(id).references);
                }
                if (journey == null
                        || "DRAFT".equals(journey.status())
                        || !submission.getValue().equals(journey.reference())) {
                    result.lost(id + " was accepted as " + submission.getValue() + ", intake holds " + journey);
                } else if (journey.cases() > 1) {
                    result.duplicated(journey.cases() + " cases for " + id);
                } else if (!journey.complete()) {
                    result.stuck(id + " (" + submission.getValue() + "): " + journey);
                }
            }
            for (String reference : audit.referencesOnSeveralCases(accepted.keySet())) {
                result.duplicated(reference + " on several cases");
            }
            for (String type : List.of("ApplicationSubmitted", "CaseOpened", "RegistryCheckCompleted")) {
                for (int i = 0; i < topics.doubled(type); i++) {
                    result.duplicated("a second " + type + " for one application");
                }
                result.republished += topics.republished(type);
            }
            // What the citizen sees, through the API: her application received by its authority, under the number she
            // was given.
            List<String> complete = accepted.keySet().stream()
                    .filter(id -> journeys.containsKey(id) && journeys.get(id).complete())
                    .toList();
            JourneyAudit.citizensView(http, target.application(), citizen, complete)
                    .forEach((id, seen) -> {
                        if (!seen.equals("RECEIVED " + accepted.get(id))) {
                            result.stuck(
                                    id + ": the citizen sees " + seen + " instead of RECEIVED " + accepted.get(id));
                        }
                    });
        }
        return result;
    }

    /** Asks each service that must stay ready four times a second until interrupted; each answer other than 200 is noted. */
    private static void watchReadiness(Fault fault, FaultResult result) {
        while (!Thread.currentThread().isInterrupted() && !fault.staysReady.isEmpty()) {
            for (String service : fault.staysReady) {
                if (!Fault.ready(service) && !Thread.currentThread().isInterrupted()) {
                    result.notReady(service);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Map<String, JourneyAudit.Journey> awaitJourneys(JourneyAudit audit, Set<String> ids)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            Map<String, JourneyAudit.Journey> journeys = audit.journeys(ids);
            boolean done = ids.stream()
                    .allMatch(id -> journeys.containsKey(id) && journeys.get(id).complete());
            if (done || System.nanoTime() > deadline) {
                return journeys;
            }
            Thread.sleep(500);
        }
    }

    private static long awaitOutboxes(JourneyAudit audit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long waiting;
        while ((waiting = audit.outboxes()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return waiting;
    }

    /** Records on each dead-letter topic so far (the sum of its partitions' end offsets). */
    private static Map<String, Long> deadLetters(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(DEAD_LETTER_TOPICS)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> records = new HashMap<>();
            admin.listOffsets(ends)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> records.merge(partition.topic(), offset.offset(), Long::sum));
            return records;
        }
    }
}
