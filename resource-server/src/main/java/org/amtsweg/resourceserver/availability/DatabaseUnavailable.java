package org.amtsweg.resourceserver.availability;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import org.amtsweg.messaging.consume.PassingFailure;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * While the service's database cannot be reached, a request is answered {@code 503
 * temporarily-unavailable} with {@code Retry-After}, never 500: the citizen's request was fine and can be
 * sent again in a moment, and a portal or load balancer knows to do so. The log says it once per
 * outage, not once per request.
 *
 * <p>What counts as "cannot be reached": the connection refused, reset or lost (also under a command that was
 * given to a pooled connection as it closed), and PostgreSQL's own refusals of a connection (SQLSTATE class 08,
 * shutting down or starting up 57P01–57P03, out of resources 53).
 * Any other database error is a defect and stays a 500.
 */
@Singleton
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    /** Seconds a client should wait: about how long the local database takes to restart. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** One outage, for the log: failures closer together than this belong to the same one. */
    private static final long OUTAGE_GAP_MILLIS = 30_000;

    private final AtomicLong lastFailure = new AtomicLong();
    private final AtomicLong failuresInOutage = new AtomicLong();

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response refused(ConnectException failure) {
        return unavailable(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response lost(ClosedConnectionException failure) {
        return unavailable(failure);
    }

    /** A connection reset under a command: the SQL client passes the socket's failure on as it is (PostgreSQL killed). */
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response reset(SocketException failure) {
        return unavailable(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response database(PgException failure) {
        // A lost race (serialization failure, deadlock) is no outage: a request meets one only through a defect.
        if (!PassingFailure.isDatabaseUnreachable(failure.getSqlState())) {
            return defect(failure, "database error " + failure.getSqlState());
        }
        return unavailable(failure);
    }

    /**
     * The SQL client's failure without a type of its own: a command met a pooled connection that had closed
     * meanwhile (PostgreSQL went away under it). Anything else of this kind is a defect.
     */
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response client(NoStackTraceThrowable failure) {
        return PassingFailure.isConnectionLost(failure)
                ? unavailable(failure)
                : defect(failure, "database client error");
    }

    private static Response defect(Throwable failure, String what) {
        LOG.errorf(failure, "%s", what);
        return PlatformProblem.internalError().toResponse();
    }

    private Response unavailable(Throwable failure) {
        long now = System.currentTimeMillis();
        long previous = lastFailure.getAndSet(now);
        if (now - previous > OUTAGE_GAP_MILLIS) {
            long before = failuresInOutage.getAndSet(1);
            LOG.warnf(
                    "database or dependency unreachable (%s); requests are answered 503 until it is back%s",
                    failure.getMessage(),
                    previous == 0 ? "" : " (the previous outage refused " + before + " requests)");
        } else {
            failuresInOutage.incrementAndGet();
        }
        // A refused connection may also be another dependency's; the answer says what is true of all of them.
        return PlatformProblem.TEMPORARILY_UNAVAILABLE
                .problem(
                        "Der Dienst erreicht gerade seine Datenbank oder einen anderen Dienst nicht; nichts wurde geändert. "
                                + "Bitte versuchen Sie es in " + RETRY_AFTER_SECONDS + " Sekunden erneut.")
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .toResponse();
    }
}
