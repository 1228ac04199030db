package org.amtsweg.messaging;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A background job run on request, at most one run at a time: requests during a run coalesce into one
 * more run after it, so a burst of commits costs a few runs, not one each. The relay uses it to sweep the
 * outbox; services use it for their own due work (register checks).
 *
 * <p>A failure is logged once per outage, not once per run: the next request (a scheduler's tick) tries again.
 */
public final class CoalescingRun {

    private final Logger log;
    private final String what;
    private final Supplier<Uni<Integer>> run;
    private final IntPredicate runAgain;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * @param what     for the log, e.g. "outbox relay"
     * @param run      one run; its item says how much it did
     * @param runAgain whether a run that did this much should be followed at once by another (a full batch)
     */
    public CoalescingRun(Logger log, String what, Supplier<Uni<Integer>> run, IntPredicate runAgain) {
        this.log = log;
        this.what = what;
        this.run = run;
        this.runAgain = runAgain;
    }

    /** Asks for a run soon. */
    public void nudge() {
        requested.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        requested.set(false);
        Uni.createFrom()
                .<Integer>deferred(run::get)
                .subscribe()
                .with(
                        done -> {
                            running.set(false);
                            if (failing.compareAndSet(true, false)) {
                                log.infof("%s works again", what);
                            }
                            if (runAgain.test(done) || requested.get()) {
                                nudge();
                            }
                        },
                        failure -> {
                            running.set(false);
                            if (failing.compareAndSet(false, true)) {
                                log.warnf(failure, "%s failed, retrying until it works (logged once)", what);
                            } else {
                                log.debugf("%s still failing: %s", what, failure.getMessage());
                            }
                        });
    }
}
