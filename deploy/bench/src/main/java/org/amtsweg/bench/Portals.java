package org.amtsweg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Citizens' portals submitting complete drafts at a steady rate, as a portal does it when something is down:
 * each submission carries its own {@code Idempotency-Key}, and an error — a refused or lost connection, a
 * timeout, a 5xx — is tried again with the same key (after {@code Retry-After} where the answer gives one)
 * until it is answered or the portal's patience ends. Records every answer: the reference numbers each
 * application got, when it was first accepted, and every client-visible error by kind.
 */
final class Portals {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a portal keeps trying one submission before it tells the citizen it failed. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One application's submission as its portal saw it. */
    static final class Submission {
        final String id;
        final String key = UUID.randomUUID().toString();
        /** Every reference number an answer carried: one, however often it was asked. */
        final List<String> references = Collections.synchronizedList(new ArrayList<>());

        volatile long acceptedAt;
        volatile boolean gaveUp;

        Submission(String id) {
            this.id = id;
        }
    }

    final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    /** Client-visible errors by kind ("connection refused", "503", ...), all tried again. */
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    /** Answers that are defects whatever happened (a 5xx other than 503 with Retry-After, a 4xx), the first few with their body. */
    final List<String> defects = Collections.synchronizedList(new ArrayList<>());

    final AtomicInteger defectCount = new AtomicInteger();

    private final HttpClient http;
    private final String application;
    private final Supplier<String> citizen;

    Portals(HttpClient http, String application, Supplier<String> citizen) {
        this.http = http;
        this.application = application;
        this.citizen = citizen;
    }

    /**
     * Submits {@code ids} from {@code portals} threads at {@code perSecond} overall (a portal whose submission
     * waits for an answer does not send the next one, as a citizen waits), and runs {@code trigger} on its
     * own thread once the submission at {@code triggerAt} is due. Returns when every submission is answered or given up.
     */
    void stream(List<String> ids, double perSecond, int portals, int triggerAt, Runnable trigger)
            throws InterruptedException {
        long begin = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < portals; p++) {
            Thread portal = new Thread(
                    () -> {
                        for (int index = next.getAndIncrement(); index < ids.size(); index = next.getAndIncrement()) {
                            long due = begin + (long) (index / perSecond * 1e9);
                            sleepUntil(due);
                            if (index == triggerAt) {
                                Thread fault = new Thread(trigger, "fault");
                                fault.start();
                            }
                            submit(ids.get(index));
                        }
                    },
                    "portal-" + p);
            portal.start();
            threads.add(portal);
        }
        for (Thread portal : threads) {
            portal.join();
        }
    }

    private void submit(String id) {
        Submission submission = submissions.computeIfAbsent(id, Submission::new);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration wait = Duration.ofMillis(Math.min(2000, 250L << Math.min(attempt - 1, 3)));
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(application + "/applications/" + id + "/submit"))
                                .timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + citizen.get())
                                .header("Idempotency-Key", submission.key)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status < 300) {
                    String reference =
                            JSON.readTree(answer.body()).path("referenceNumber").asText("");
                    if (reference.isEmpty()) {
                        defect(id + " answered " + status + " without a reference number: " + answer.body());
                        return;
                    }
                    submission.references.add(reference);
                    submission.acceptedAt = System.nanoTime();
                    return;
                }
                count(String.valueOf(status));
                var retryAfter = answer.headers().firstValue("Retry-After");
                if (!(status == 503 && retryAfter.isPresent())) {
                    defect(id + " answered " + status + ": " + answer.body());
                    if (status < 500) {
                        return; // a refusal does not change by asking again
                    }
                }
                if (retryAfter.isPresent()) {
                    wait = Duration.ofSeconds(
                            Math.min(5, Long.parseLong(retryAfter.get().trim())));
                }
            } catch (HttpTimeoutException e) {
                count("timeout");
            } catch (ConnectException e) {
                count("connection refused");
            } catch (IOException e) {
                count("connection lost");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The login at the gateway failed (its database away, say): the portal tries again, as with any error.
                count("login failed");
            }
            if (System.nanoTime() + wait.toNanos() > deadline) {
                submission.gaveUp = true;
                return;
            }
            sleepUntil(System.nanoTime() + wait.toNanos());
        }
    }

    private void count(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private void defect(String what) {
        if (defectCount.incrementAndGet() <= 5) {
            defects.add(what.length() > 300 ? what.substring(0, 300) + " ..." : what);
        }
    }

    /** The first acceptance after {@code nanos}, or null. */
    Long firstAcceptedAfter(long nanos) {
        return submissions.values().stream()
                .map(s -> s.acceptedAt)
                .filter(at -> at > nanos)
                .min(Long::compare)
                .orElse(null);
    }

    /** "84 connection refused, 12 × 503" */
    String errorSummary() {
        if (errors.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(errors).forEach((kind, count) -> parts.add(count.get() + " × " + kind));
        return String.join(", ", parts);
    }

    /** 5xx answers of any kind (a 503 with Retry-After included). */
    int fiveHundreds() {
        return errors.entrySet().stream()
                .filter(e -> e.getKey().startsWith("5"))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
