package org.amtsweg.resourceserver.availability;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps a known, harmless error of the reactive SQL client out of the log. When the database refuses a
 * connection, the pool fails each waiting query at once — the request gets its 503 — but leaves that query's
 * connection-timeout timer running; when it fires, the timer fails the finished query a second time, and
 * Vert.x logs "Uncaught exception … Result is already complete" with a stack trace: once for each query that
 * waited during the outage, half a minute after it (42 after one PostgreSQL restart in deploy/bench/faults.sh).
 * eclipse-vertx/vertx-sql-client#1706, open. The first one is noted in one line; every other uncaught
 * exception goes to the handler Quarkus installed, as before.
 */
@ApplicationScoped
public class LatePoolTimeout {

    private static final Logger LOG = Logger.getLogger(LatePoolTimeout.class);
    private static final String POOL = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";

    private final AtomicBoolean noted = new AtomicBoolean();

    void install(@Observes StartupEvent event, Vertx vertx) {
        Handler<Throwable> installed = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (isLatePoolTimeout(failure)) {
                if (noted.compareAndSet(false, true)) {
                    LOG.info(
                            "the SQL pool's connection timeout fired for queries that had failed already (vertx-sql-client#1706,"
                                    + " harmless); not logged again");
                }
            } else if (installed != null) {
                installed.handle(failure);
            } else {
                LOG.error("uncaught exception received by Vert.x", failure);
            }
        });
    }

    static boolean isLatePoolTimeout(Throwable failure) {
        return failure instanceof IllegalStateException
                && "Result is already complete".equals(failure.getMessage())
                && Arrays.stream(failure.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals(POOL));
    }
}
