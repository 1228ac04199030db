package org.amtsweg.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Submits drafts as citizens' portals do, from an event-loop client on kept-alive connections (a thread
 * per request would cost more CPU than the service). Closed loop: exactly {@code inFlight} requests
 * open; open loop: a fixed rate, whatever the answers do (so a slow answer cannot hide the queue behind it).
 * Records when each submission was sent and answered; any answer other than 2xx ends the run.
 */
final class Submissions {

    final Map<String, Long> started = new ConcurrentHashMap<>();
    final Map<String, Long> answered = new ConcurrentHashMap<>();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final Supplier<String> citizen;

    Submissions(String application, Supplier<String> citizen, int connections) {
        URI base = URI.create(application);
        this.citizen = citizen;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort())
                .setKeepAlive(true)
                .setMaxPoolSize(connections));
    }

    /** Submits {@code ids} with {@code inFlight} at a time; returns when every one is answered. */
    void closedLoop(List<String> ids, int inFlight) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(ids.size());
        AtomicReference<String> failure = new AtomicReference<>();
        Runnable[] submitNext = new Runnable[1];
        submitNext[0] = () -> {
            int index = next.getAndIncrement();
            if (index < ids.size()) {
                submit(ids.get(index), failure, () -> {
                    done.countDown();
                    submitNext[0].run();
                });
            }
        };
        for (int i = 0; i < inFlight; i++) {
            submitNext[0].run();
        }
        done.await();
        check(failure);
    }

    /** Submits {@code ids} at {@code perSecond}, evenly spaced; returns when every one is answered. */
    void openLoop(List<String> ids, double perSecond) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(ids.size());
        AtomicReference<String> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        // A timer every millisecond sends what is due by then: evenly spaced at any rate up to a few thousand per
        // second.
        long timer = vertx.setPeriodic(1, tick -> {
            long due = Math.min(ids.size(), (long) ((System.nanoTime() - begin) / 1e9 * perSecond) + 1);
            for (int index = next.get(); index < due; index = next.incrementAndGet()) {
                submit(ids.get(index), failure, done::countDown);
            }
        });
        done.await();
        vertx.cancelTimer(timer);
        check(failure);
    }

    private void submit(String id, AtomicReference<String> failure, Runnable then) {
        started.put(id, System.nanoTime());
        client.request(HttpMethod.POST, "/applications/" + id + "/submit")
                .compose(request -> request.putHeader("Authorization", "Bearer " + citizen.get())
                        .send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() >= 300) {
                        failure.compareAndSet(null, id + " answered " + response.statusCode() + ": " + body);
                    }
                    return body;
                }))
                .onComplete(result -> {
                    answered.put(id, System.nanoTime());
                    if (result.failed()) {
                        failure.compareAndSet(null, id + ": " + result.cause());
                    }
                    then.run();
                });
    }

    private static void check(AtomicReference<String> failure) {
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    void close() {
        vertx.close();
    }
}
