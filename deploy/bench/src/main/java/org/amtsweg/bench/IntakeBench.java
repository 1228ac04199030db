package org.amtsweg.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Load generator of deploy/bench/intake.sh (a benchmark, not a test). Prepares complete Wohngeld drafts
 * (not measured), submits a first share of them to warm the platform up (not measured either: on two
 * shared cores the JIT compilers of the service and of the broker need tens of seconds under load), then
 * submits the rest in rounds with a fixed number in flight and measures each round end to end: from the
 * submit request to ApplicationSubmitted read back from the topic.
 *
 *   IntakeBench identity-url application-url bootstrap per-round in-flight rounds warm-up
 */
public final class IntakeBench {

    /** The event type intake publishes for a submission. */
    private static final String SUBMITTED = "ApplicationSubmitted";

    public static void main(String[] args) throws Exception {
        String identity = args[0], application = args[1], bootstrap = args[2];
        int count = Integer.parseInt(args[3]), inFlight = Integer.parseInt(args[4]), rounds = Integer.parseInt(args[5]);
        int warmUp = Integer.parseInt(args[6]);
        String adminJdbc = args[7];
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Login citizen = Login.citizen(http, identity);
        List<String> drafts = WohngeldDrafts.prepare(http, application, citizen, warmUp + rounds * count);

        try (TopicArrivals topic = new TopicArrivals(bootstrap, List.of("applications"))) {
            // One client for warm-up and rounds alike, so that every phase finds its connections open; the rounds
            // follow the warm-up without a pause: an idle service deoptimises code it compiled under load.
            Submissions submissions = new Submissions(application, citizen, inFlight);
            System.out.printf("warming up with %d submissions ...%n", warmUp);
            submissions.closedLoop(drafts.subList(0, warmUp), inFlight);

            System.out.printf("measuring %d rounds of %d submissions with %d in flight ...%n", rounds, count, inFlight);
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                List<String> ids = drafts.subList(warmUp + (round - 1) * count, warmUp + round * count);
                long begin = System.nanoTime();
                submissions.closedLoop(ids, inFlight);
                if (!topic.awaitAll(SUBMITTED, ids, Duration.ofSeconds(120))) {
                    throw new IllegalStateException(
                            "not all of round " + round + "'s events arrived within 120 s; see the services' logs");
                }
                double seconds = (ids.stream()
                                        .mapToLong(id -> topic.arrival(SUBMITTED, id))
                                        .max()
                                        .orElseThrow()
                                - begin)
                        / 1e9;
                Percentiles endToEnd = Percentiles.of(ids.stream()
                        .map(id -> (topic.arrival(SUBMITTED, id) - submissions.started.get(id)) / 1e6)
                        .toList());
                Percentiles answered = Percentiles.of(ids.stream()
                        .map(id -> (submissions.answered.get(id) - submissions.started.get(id)) / 1e6)
                        .toList());
                Percentiles afterAnswer = Percentiles.of(ids.stream()
                        .map(id -> (topic.arrival(SUBMITTED, id) - submissions.answered.get(id)) / 1e6)
                        .toList());
                rates.add(count / seconds);
                System.out.printf(
                        "round %d: end to end (submit -> ApplicationSubmitted on the topic) %.0f submissions/s, p50 %.1f ms, p99 %.1f ms;"
                                + " submit answered p50 %.1f ms, p99 %.1f ms; on the topic after the answer p50 %.1f ms, p99 %.1f ms%n",
                        round,
                        count / seconds,
                        endToEnd.at(50),
                        endToEnd.at(99),
                        answered.at(50),
                        answered.at(99),
                        afterAnswer.at(50),
                        afterAnswer.at(99));
            }
            submissions.close();
            double median = rates.stream().sorted().toList().get(rates.size() / 2);
            RawFloor.printShare(adminJdbc, bootstrap, inFlight, "intake's median round", median);
        }
        System.exit(0);
    }
}
