package org.amtsweg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one fault scenario did to the citizens' submissions, as a row of the fault suite's table, and whether
 * it held: nothing lost, nothing twice, nothing stuck, no answer that is a defect (a 5xx other than the 503
 * with {@code Retry-After} that tells a portal to come back in a moment, or a 4xx), every submission answered,
 * only the dead letters the scenario wrote itself, the outboxes empty, the services that keep working without the
 * part ready throughout, and the part back without a hand.
 */
public final class FaultResult {

    final String scenario;
    final int submissions;
    int accepted;
    int unanswered;
    int lost;
    int duplicated;
    int stuck;
    String errors = "none";
    int fiveHundreds;
    int defects;
    long outboxesLeft;
    int republished;
    final Map<String, Long> deadLetters = new TreeMap<>();
    final Map<String, Long> expectedDeadLetters = new TreeMap<>();
    double backAfter = Double.NaN;
    double flowingAfter = Double.NaN;
    boolean handNeeded;
    /** Readiness checks answered other than 200 by services that had to stay ready, by service. */
    final Map<String, Integer> notReady = new ConcurrentHashMap<>();

    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    FaultResult(String scenario, int submissions) {
        this.scenario = scenario;
        this.submissions = submissions;
    }

    void lost(String what) {
        lost++;
        note("LOST " + what);
    }

    void duplicated(String what) {
        duplicated++;
        note("DUPLICATED " + what);
    }

    void stuck(String what) {
        stuck++;
        note("STUCK " + what);
    }

    void note(String what) {
        if (notes.size() < 20) {
            notes.add(what);
        }
    }

    void notReady(String service) {
        if (notReady.merge(service, 1, Integer::sum) == 1) {
            note(service + " was not ready during the outage");
        }
    }

    void handNeeded(String what) {
        handNeeded = true;
        note(what);
    }

    /** Whether the scenario held; the notes say what did not. */
    public boolean held() {
        return lost == 0
                && duplicated == 0
                && stuck == 0
                && unanswered == 0
                && defects == 0
                && outboxesLeft == 0
                && !handNeeded
                && notReady.isEmpty()
                && deadLetters.equals(expectedDeadLetters);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    static String header() {
        return """
                | scenario | accepted | lost | duplicated | stuck | client-visible errors (all retried) | 5xx (of them defects) | dead letters | back after | flowing again after | held |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |""";
    }

    /** One row of the table (Markdown, so that it goes into RESULTS.md as printed). */
    public String row() {
        return String.format(
                "| %s | %d of %d%s | %d | %d | %d | %s | %d (%d) | %s | %s | %s | %s |",
                scenario,
                accepted,
                submissions,
                unanswered > 0 ? " (" + unanswered + " gave up)" : "",
                lost,
                duplicated,
                stuck,
                errors,
                fiveHundreds,
                defects,
                deadLetters.isEmpty() ? "0" : deadLetters.toString(),
                seconds(backAfter),
                seconds(flowingAfter),
                held()
                        ? "yes"
                        : "**no**" + (outboxesLeft > 0 ? " (" + outboxesLeft + " in outboxes)" : "")
                                + (handNeeded ? " (needed a hand)" : ""));
    }

    /** The whole table for these results, with each failed scenario's notes under it. */
    public static String table(List<FaultResult> results) {
        StringBuilder table = new StringBuilder(header()).append('\n');
        results.forEach(result -> table.append(result.row()).append('\n'));
        for (FaultResult result : results) {
            if (result.republished > 0) {
                table.append(String.format(
                        "%n%s: %d events published again with the same id (dropped by the consumers by their id)",
                        result.scenario, result.republished));
            }
            result.notes.forEach(note -> table.append(String.format("%n%s: %s", result.scenario, note)));
        }
        return table.toString();
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "—" : String.format("%.1f s", value);
    }
}
