package org.amtsweg.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Load generator and instruments of deploy/bench/pipeline.sh (a benchmark, not a test): the whole platform
 * end to end as citizens and clerks meet it. Prepares complete Wohngeld drafts (not measured), warms the
 * platform up (not measured), then submits rounds at each number in flight and measures per application:
 * the submit's answer, submit → {@code CaseOpened} and → {@code RegistryCheckCompleted} on the topic,
 * submit → the case on a Hagen clerk's live inbox. A round ends when every one of its applications has its
 * register check; one missing is a loss and fails the run. Then half the peak rate, open loop (what a
 * citizen and a clerk feel on a normal day), the CPU each process used per application over the measured
 * rounds, the memory each holds under load, and the raw floor on the same server and broker with the
 * platform's figure as a share of it.
 *
 * With pids to kill (scale-out: two instances of case-service and of application-service in the same consumer groups),
 * those are killed with SIGKILL halfway through the second round at 32 in flight; the run then also shows that nothing
 * was lost, doubled or reordered across the rebalance.
 *
 *   PipelineBench identity application case bootstrap admin-jdbc per-round rounds warm-up in-flight[,in-flight...] clerks name=pid,... [pid,... to kill]
 */
public final class PipelineBench {

    private static final Duration ROUND_DEADLINE = Duration.ofSeconds(180);
    /** The in-flight figure the targets name (issue: ≥ 500 applications/s at 32 in flight). */
    private static final int REFERENCE_IN_FLIGHT = 32;

    public static void main(String[] args) throws Exception {
        String identity = args[0],
                application = args[1],
                caseService = args[2],
                bootstrap = args[3],
                adminJdbc = args[4];
        int perRound = Integer.parseInt(args[5]),
                rounds = Integer.parseInt(args[6]),
                warmUp = Integer.parseInt(args[7]);
        int[] levels =
                Arrays.stream(args[8].split(",")).mapToInt(Integer::parseInt).toArray();
        int clerks = Integer.parseInt(args[9]);
        Processes processes = Processes.parse((args.length > 10 ? args[10] + "," : "") + "load generator="
                + ProcessHandle.current().pid());
        // Scale-out: the pids to kill with SIGKILL halfway through the second measured round at the reference level.
        List<Long> toKill = args.length > 11 && !args[11].isBlank()
                ? Arrays.stream(args[11].split(",")).map(Long::parseLong).toList()
                : List.of();

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Login citizen = Login.citizen(http, identity);
        List<String> drafts =
                WohngeldDrafts.prepare(http, application, citizen, warmUp + (levels.length * rounds + 1) * perRound);
        int next = 0;

        try (TopicArrivals topic = new TopicArrivals(bootstrap, List.of("cases"));
                ClerkInboxes inboxes = new ClerkInboxes(caseService, Login.hagenClerk(http, identity), clerks)) {
            Submissions submissions = new Submissions(
                    application, citizen, Arrays.stream(levels).max().orElse(32));
            // The rounds follow the warm-up without a pause: an idle JVM deoptimises code it compiled under load.
            System.out.printf("warming up with %d submissions ...%n", warmUp);
            List<String> warm = drafts.subList(next, next += warmUp);
            submissions.closedLoop(warm, REFERENCE_IN_FLIGHT);
            awaitJourneys(topic, inboxes, warm, "warm-up");

            Map<String, Double> cpuBefore = processes.cpuSeconds();
            Map<String, Double> databaseCpuBefore = processes.cpuSecondsByRole("postgres");
            DatabaseWork databaseWork = DatabaseWork.start(adminJdbc);
            Map<String, Long> peakMemory = new LinkedHashMap<>();
            Map<Integer, List<Double>> rates = new LinkedHashMap<>();
            int measured = 0;
            for (int inFlight : levels) {
                for (int round = 1; round <= rounds; round++) {
                    List<String> ids = drafts.subList(next, next += perRound);
                    long begin = System.nanoTime();
                    if (!toKill.isEmpty() && inFlight == REFERENCE_IN_FLIGHT && round == 2) {
                        submissions.closedLoop(ids.subList(0, perRound / 2), inFlight);
                        for (long pid : toKill) {
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                        }
                        System.out.printf(
                                "killed %s with SIGKILL after %d of round %d's submissions; the group rebalances%n",
                                toKill, perRound / 2, round);
                        submissions.closedLoop(ids.subList(perRound / 2, perRound), inFlight);
                    } else {
                        submissions.closedLoop(ids, inFlight);
                    }
                    long end = awaitJourneys(topic, inboxes, ids, inFlight + " in flight, round " + round);
                    double rate = perRound / ((end - begin) / 1e9);
                    rates.computeIfAbsent(inFlight, k -> new ArrayList<>()).add(rate);
                    measured += perRound;
                    processes.pssMegabytes().forEach((name, mb) -> peakMemory.merge(name, mb, Math::max));
                    System.out.printf(
                            "%3d in flight, round %d: %,.0f applications/s end to end; %s%n",
                            inFlight, round, rate, latencies(submissions, topic, inboxes, ids));
                }
            }
            Map<String, Double> cpuAfter = processes.cpuSeconds();
            Map<String, Double> databaseCpuAfter = processes.cpuSecondsByRole("postgres");
            databaseWork.print(measured, 15);
            printByRole(databaseCpuBefore, databaseCpuAfter, measured);

            double peak = median(rates.getOrDefault(
                    REFERENCE_IN_FLIGHT, rates.values().iterator().next()));
            List<String> half = drafts.subList(next, next += perRound);
            System.out.printf("at half the peak (%,.0f applications/s, open loop): ", peak / 2);
            submissions.openLoop(half, peak / 2);
            awaitJourneys(topic, inboxes, half, "half the peak");
            System.out.println(latencies(submissions, topic, inboxes, half));
            submissions.close();

            List<String> submitted = drafts.subList(0, next);
            int doubled = topic.doubled("CaseOpened")
                    + topic.doubled("RegistryCheckCompleted")
                    + timelinesTwice(adminJdbc, submitted);
            long outOfOrder = submitted.stream()
                    .filter(id -> topic.arrival("RegistryCheckCompleted", id) < topic.arrival("CaseOpened", id))
                    .count();
            System.out.printf(
                    "%nnothing lost: every one of %,d submitted applications has its case, its register check and its clerk's"
                            + " inbox entry; %d opened, checked or applied twice; %d journeys out of order on the topic%n",
                    next, doubled, outOfOrder);

            if (!cpuBefore.isEmpty()) {
                System.out.printf(
                        "%nCPU per application over the %,d measured applications, and memory under load (PSS, highest after a round):%n",
                        measured);
                double total = 0;
                for (String name : cpuBefore.keySet()) {
                    if (cpuAfter.get(name) < cpuBefore.get(name)) {
                        System.out.printf("  %-22s killed during the run%n", name);
                        continue;
                    }
                    double millis = (cpuAfter.get(name) - cpuBefore.get(name)) * 1000 / measured;
                    total += millis;
                    System.out.printf("  %-22s %5.2f ms CPU   %4d MB%n", name, millis, peakMemory.get(name));
                }
                System.out.printf("  %-22s %5.2f ms CPU%n", "all", total);
            }

            System.out.printf(
                    "%nraw floor (one transaction with a 2 KB row and an outbox row, then one acks=all produce; %d in flight) ...%n",
                    REFERENCE_IN_FLIGHT);
            double floor = RawFloor.measure(adminJdbc, bootstrap, REFERENCE_IN_FLIGHT, 2_000, 10_000);
            System.out.printf(
                    "raw floor %,.0f applications/s; platform at %d in flight (median of %d rounds) %,.0f applications/s = %.0f %% of the floor%n",
                    floor, REFERENCE_IN_FLIGHT, rounds, peak, 100 * peak / floor);
            if (doubled > 0 || outOfOrder > 0) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** PostgreSQL's CPU per application by what its processes do: which database's backends, WAL writer, vacuum. */
    private static void printByRole(Map<String, Double> before, Map<String, Double> after, int applications) {
        StringBuilder line = new StringBuilder();
        after.forEach((role, seconds) -> {
            double millis = (seconds - before.getOrDefault(role, 0.0)) * 1000 / applications;
            if (millis >= 0.005) {
                line.append(String.format("  %s %.2f", role, millis));
            }
        });
        System.out.printf("PostgreSQL's CPU per application (ms) by process:%s%n", line);
    }

    /**
     * Applications whose case opening intake applied twice (two CaseOpened entries in the citizen's timeline):
     * a redelivery after a rebalance that the processed-event log did not stop.
     */
    private static int timelinesTwice(String adminJdbc, List<String> ids) throws Exception {
        String jdbc = adminJdbc.substring(0, adminJdbc.lastIndexOf('/') + 1) + "amtsweg_application";
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                PreparedStatement twice = db.prepareStatement("""
                     SELECT count(*) FROM (SELECT application_id FROM timeline_entry WHERE event_type = 'CaseOpened' AND application_id = ANY(?)
                     GROUP BY application_id HAVING count(*) > 1) AS doubled""")) {
            twice.setArray(
                    1,
                    db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = twice.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Waits for every journey's register check and inbox entry; returns when the last check arrived. A missing one is a loss. */
    private static long awaitJourneys(TopicArrivals topic, ClerkInboxes inboxes, List<String> ids, String what)
            throws InterruptedException {
        if (!topic.awaitAll("RegistryCheckCompleted", ids, ROUND_DEADLINE)) {
            long missing = ids.stream()
                    .filter(id -> topic.arrival("RegistryCheckCompleted", id) == null)
                    .count();
            long unopened = ids.stream()
                    .filter(id -> topic.arrival("CaseOpened", id) == null)
                    .count();
            System.out.printf(
                    "%nLOST in %s: %d of %d applications have no register check after %d s (%d not even a case)%n",
                    what, missing, ids.size(), ROUND_DEADLINE.toSeconds(), unopened);
            System.exit(1);
        }
        long last = ids.stream()
                .mapToLong(id -> topic.arrival("RegistryCheckCompleted", id))
                .max()
                .orElseThrow();
        long deadline = System.nanoTime() + ROUND_DEADLINE.toNanos();
        while (ids.stream().anyMatch(id -> inboxes.arrival(id) == null)) {
            if (System.nanoTime() > deadline) {
                System.out.printf(
                        "%nin %s: %d cases never reached the clerks' live inbox%n",
                        what,
                        ids.stream().filter(id -> inboxes.arrival(id) == null).count());
                System.exit(1);
            }
            Thread.sleep(5);
        }
        return last;
    }

    private static String latencies(
            Submissions submissions, TopicArrivals topic, ClerkInboxes inboxes, List<String> ids) {
        Function<Function<String, Long>, String> since = arrival -> Percentiles.of(ids.stream()
                        .map(id -> (arrival.apply(id) - submissions.started.get(id)) / 1e6)
                        .toList())
                .summary();
        return "submit answered " + since.apply(submissions.answered::get)
                + "; → CaseOpened " + since.apply(id -> topic.arrival("CaseOpened", id))
                + "; → RegistryCheckCompleted " + since.apply(id -> topic.arrival("RegistryCheckCompleted", id))
                + "; → clerk's live inbox " + since.apply(inboxes::arrival);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
