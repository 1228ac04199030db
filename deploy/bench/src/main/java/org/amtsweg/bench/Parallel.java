package org.amtsweg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the steps of a preparation (not measured) on a few threads; the first failure ends it. */
final class Parallel {

    interface Step {
        void run(int index) throws Exception;
    }

    private Parallel() {}

    static void run(int count, int threads, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int index = next.getAndIncrement();
                        index < count && failure.get() == null;
                        index = next.getAndIncrement()) {
                    try {
                        step.run(index);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
