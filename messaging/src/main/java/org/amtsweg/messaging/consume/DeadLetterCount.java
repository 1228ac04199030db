package org.amtsweg.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many events each consumer of this instance has dead-lettered since it started, as a detail of
 * readiness ({@code /q/health/ready}) beside the metric {@code amtsweg_events_dead_lettered_total}. Always
 * UP: a dead letter needs a person ({@code deploy/local/dead-letters.sh}), not an instance taken out of
 * the load balancer.
 */
@Readiness
@ApplicationScoped
public class DeadLetterCount implements HealthCheck {

    private final Map<String, AtomicLong> byConsumer = new ConcurrentHashMap<>();

    void deadLettered(String consumer) {
        byConsumer.computeIfAbsent(consumer, name -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Dead-lettered events since start").up();
        byConsumer.forEach((consumer, count) -> response.withData(consumer, count.get()));
        return response.build();
    }
}
