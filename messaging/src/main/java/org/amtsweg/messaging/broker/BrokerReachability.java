package org.amtsweg.messaging.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Whether this instance's Kafka clients reach the broker — for the operator, not for the load balancer.
 * With the broker away an instance stays ready (its writes go to the outbox, its consumers wait where they
 * were), so the absence is shown beside readiness, not in it: as the wellness check "Event broker"
 * ({@code /q/health/well}, with each channel's state), as the gauge {@code amtsweg_event_broker_reachable}
 * (1 or 0), and as one warning when an outage begins and one line when it ends — instead of the Kafka clients'
 * warning on every reconnect of each of them.
 *
 * <p>A channel reaches the broker while its client holds a connection to it (the client's own
 * {@code connection-count}). A producer that never connected has had nothing to send yet and counts as
 * neither; a consumer polls from the start, so one that has not connected {@link #START_GRACE} after the
 * start does not reach the broker either.
 */
@Wellness
@ApplicationScoped
public class BrokerReachability implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerReachability.class);
    /** How long a consumer may take to make its first connection after the start. */
    static final Duration START_GRACE = Duration.ofSeconds(10);

    private final KafkaClientService clients;
    /** Since when the broker is unreachable, or null while it is reachable. */
    private volatile Instant unreachableSince;

    private volatile Map<String, Boolean> lastSeen = Map.of();
    private Instant firstLook;

    public BrokerReachability(KafkaClientService clients, MeterRegistry meters) {
        this.clients = clients;
        Gauge.builder("amtsweg.event.broker.reachable", this, check -> check.unreachableSince == null ? 1 : 0)
                .description(
                        "1 while every Kafka client of this instance is connected to the broker, 0 during an outage")
                .register(meters);
    }

    /** Looks once a second, so that the log and the gauge follow an outage within a second. */
    @Scheduled(
            every = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void look() {
        if (firstLook == null) {
            firstLook = Instant.now();
        }
        Map<String, Boolean> connected = channels(Instant.now().isAfter(firstLook.plus(START_GRACE)));
        lastSeen = connected;
        boolean reachable = !connected.containsValue(false);
        Instant since = unreachableSince;
        if (!reachable && since == null) {
            unreachableSince = Instant.now();
            LOG.warnf(
                    "the event broker is unreachable (%s); events wait in the outbox and consumers where they were, "
                            + "this instance stays ready; logged once until it is back",
                    disconnected(connected));
        } else if (reachable && since != null) {
            unreachableSince = null;
            LOG.infof(
                    "the event broker is reachable again after %d s",
                    Duration.between(since, Instant.now()).toSeconds());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = unreachableSince;
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Event broker").status(since == null);
        if (since != null) {
            response.withData("unreachable since", since.toString());
        }
        lastSeen.forEach((channel, connected) -> response.withData(channel, connected ? "connected" : "not connected"));
        return response.build();
    }

    /** Each Kafka channel of this instance: connected or not; absent while that cannot be told yet. */
    private Map<String, Boolean> channels(boolean startedLongAgo) {
        Map<String, Boolean> connected = new TreeMap<>();
        for (String channel : clients.getProducerChannels()) {
            state(clients.getProducer(channel).unwrap().metrics(), "producer-metrics", false, channel, connected);
        }
        for (String channel : clients.getConsumerChannels()) {
            clients.getConsumers(channel)
                    .forEach(consumer ->
                            state(consumer.unwrap().metrics(), "consumer-metrics", startedLongAgo, channel, connected));
        }
        return connected;
    }

    private static void state(
            Map<MetricName, ? extends Metric> metrics,
            String group,
            boolean shouldHaveConnected,
            String channel,
            Map<String, Boolean> connected) {
        if (value(metrics, group, "connection-count") > 0) {
            connected.merge(channel, true, Boolean::logicalAnd);
        } else if (shouldHaveConnected || value(metrics, group, "connection-creation-total") > 0) {
            connected.put(channel, false);
        }
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return metrics.entrySet().stream()
                .filter(e ->
                        e.getKey().group().equals(group) && e.getKey().name().equals(name))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number number ? number.doubleValue() : 0)
                .findFirst()
                .orElse(0);
    }

    private static String disconnected(Map<String, Boolean> connected) {
        return "not connected: "
                + String.join(
                        ", ",
                        connected.entrySet().stream()
                                .filter(e -> !e.getValue())
                                .map(Map.Entry::getKey)
                                .toList());
    }
}
