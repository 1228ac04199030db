package org.amtsweg.messaging.consume;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure passes by itself: the database refused or lost the connection, is starting or
 * shutting down, is out of resources, or the transaction lost a serialization race. Such an event is
 * tried again, never dead-lettered — the event was fine, the moment was not.
 */
public final class PassingFailure {

    /** PostgreSQL shutting down (admin or crash) or starting up: it cannot be reached for a moment. */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** A lost race — serialization failure, deadlock: the same transaction again will do. */
    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01");
    /**
     * The SQL client's words when a command meets a pooled connection that closed meanwhile — the server went
     * away under it (seen as a 500 while PostgreSQL was killed, deploy/bench/faults.sh). No exception type of
     * its own: a {@code NoStackTraceThrowable} with this message.
     */
    private static final String CONNECTION_NOT_ACTIVE = "Connection is not active now";

    private PassingFailure() {}

    public static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEvent) {
                return false;
            }
            if (cause instanceof TimeoutException || isConnectionLost(cause)) {
                return true;
            }
            if (cause instanceof PgException pg) {
                return isDatabaseUnreachable(pg.getSqlState()) || LOST_RACE_STATES.contains(pg.getSqlState());
            }
            // The pool's own words when it cannot hand out a connection in time.
            if (cause instanceof VertxException
                    && cause.getMessage() != null
                    && cause.getMessage().contains("Timeout")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL's SQLSTATE says it cannot be reached now — a connection exception (class 08), out of resources
     * (class 53), shutting down or starting up — as opposed to refusing this command. The one list both edges use: a
     * consumer waits and tries again, an HTTP request is answered 503 with {@code Retry-After}.
     */
    public static boolean isDatabaseUnreachable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("53") || UNREACHABLE_STATES.contains(sqlState));
    }

    /**
     * Whether the connection to the database (or another dependency) failed under the command: refused, reset
     * (the SQL client passes a reset socket's {@link SocketException} on as it is), closed by the server, or
     * closed before the command reached it.
     */
    public static boolean isConnectionLost(Throwable failure) {
        return failure instanceof SocketException
                || failure instanceof ClosedConnectionException
                || failure instanceof NoStackTraceThrowable
                        && failure.getMessage() != null
                        && failure.getMessage().startsWith(CONNECTION_NOT_ACTIVE);
    }
}
