package org.amtsweg.bench;

import java.net.http.HttpClient;
import java.util.Map;

/**
 * Load generator of deploy/bench/inbox.sh (a benchmark, not a test): what connected clerks cost
 * case-service while nothing happens — its CPU seconds over a quiet period with no live inbox open, then
 * with {@code clerks} open, and the memory it holds with them.
 *
 *   IdleInboxBench identity case-url case-pid clerks seconds
 */
public final class IdleInboxBench {

    public static void main(String[] args) throws Exception {
        String identity = args[0], caseService = args[1];
        long pid = Long.parseLong(args[2]);
        int clerks = Integer.parseInt(args[3]), seconds = Integer.parseInt(args[4]);
        Processes caseProcess = new Processes(Map.of("case-service", pid));
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        double alone = cpuOver(caseProcess, seconds);
        long memoryAlone = caseProcess.pssMegabytes().get("case-service");
        try (ClerkInboxes inboxes = new ClerkInboxes(caseService, Login.hagenClerk(http, identity), clerks)) {
            Thread.sleep(2_000);
            double listened = cpuOver(caseProcess, seconds);
            long memoryListened = caseProcess.pssMegabytes().get("case-service");
            System.out.printf(
                    "case-service idle: %.1f ms CPU per second with no live inbox open, %.1f ms with %d clerks connected"
                            + " (%.3f ms per clerk per second); %d MB -> %d MB PSS%n",
                    alone * 1000 / seconds,
                    listened * 1000 / seconds,
                    clerks,
                    (listened - alone) * 1000 / seconds / clerks,
                    memoryAlone,
                    memoryListened);
        }
        System.exit(0);
    }

    private static double cpuOver(Processes process, int seconds) throws InterruptedException {
        double before = process.cpuSeconds().get("case-service");
        Thread.sleep(seconds * 1000L);
        return process.cpuSeconds().get("case-service") - before;
    }
}
