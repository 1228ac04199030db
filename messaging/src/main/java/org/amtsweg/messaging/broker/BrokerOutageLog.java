package org.amtsweg.messaging.broker;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps the Kafka clients' warning about each failed reconnect out of the log: every client of an instance
 * logs one at each try, several hundred lines in a broker outage of twenty seconds (deploy/bench/faults.sh),
 * while {@link BrokerReachability} says once that the broker went away and once that it is back. Everything
 * else the clients log stays, their other warnings (a topic the broker does not know, say) included.
 */
@LoggingFilter(name = "amtsweg-broker-outage")
public final class BrokerOutageLog implements Filter {

    private static final String CONNECTIONS = "org.apache.kafka.clients.NetworkClient";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!CONNECTIONS.equals(record.getLoggerName()) || record.getLevel().intValue() != Level.WARNING.intValue()) {
            return true;
        }
        String message = record.getMessage();
        return message == null || !(message.contains("could not be established") || message.contains("disconnected"));
    }
}
