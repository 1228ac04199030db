package org.amtsweg.resourceserver.availability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the SQL pool's late timeout (vertx-sql-client#1706) is kept out of the log; every other uncaught exception stays. */
class LatePoolTimeoutTest {

    @Test
    void thePoolsSecondFailureOfAFinishedQueryIsRecognised() {
        assertThat(LatePoolTimeout.isLatePoolTimeout(
                        failure("Result is already complete", "io.vertx.sqlclient.impl.pool.SqlConnectionPool")))
                .isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(LatePoolTimeout.isLatePoolTimeout(
                        failure("Result is already complete", "org.amtsweg.cases.inbox.LiveInbox")))
                .isFalse();
        assertThat(LatePoolTimeout.isLatePoolTimeout(
                        failure("another state", "io.vertx.sqlclient.impl.pool.SqlConnectionPool")))
                .isFalse();
        assertThat(LatePoolTimeout.isLatePoolTimeout(new IllegalArgumentException("Result is already complete")))
                .isFalse();
    }

    /** An IllegalStateException as thrown from a method of {@code where}. */
    private static IllegalStateException failure(String message, String where) {
        IllegalStateException failure = new IllegalStateException(message);
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
            new StackTraceElement(where, "lambda$execute$3", "SqlConnectionPool.java", 216)
        });
        return failure;
    }
}
