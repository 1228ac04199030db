package org.amtsweg.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How a service's outbox relay and event consumers behave; everything has a default; services name their {@code source}. */
@ConfigMapping(prefix = "amtsweg.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code urn:amtsweg:case-service}. */
    @WithDefault("urn:amtsweg:${quarkus.application.name}")
    URI source();

    /** How often the relay sweeps the outbox for what no commit announced (read by the scheduler too). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events one sweep sends before it looks again. */
    @WithDefault("256")
    int batchSize();

    /**
     * How long the sweep leaves an event alone that a request announced before its commit; after that
     * the sweep sends it, so a request cancelled between commit and send loses nothing.
     */
    @WithDefault("10s")
    Duration announcedFor();

    /**
     * This instance's name, stable across its restarts and unique among the instances of its service: the
     * environment's {@code AMTSWEG_INSTANCE_ID}, which {@code services.sh} sets to host and port and the
     * Kubernetes manifests to the pod's name. It makes the consumers static members of their groups
     * ({@code ConsumerResumption}); without one they join as dynamic members.
     */
    Optional<String> instanceId();

    /** Consumers. */
    Consumers consumers();

    interface Consumers {

        /** First wait before an event whose effect failed passingly (database away) is tried again. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** Longest wait between two tries; the consumer keeps trying and never skips the event. */
        @WithDefault("10s")
        Duration maxRetryDelay();

        /**
         * How long the group keeps a silent member's partitions (Kafka's {@code session.timeout.ms}). A static
         * member that comes back within it takes them up again at once; one that does not (a pod replaced with
         * another name) holds them that long, so it bounds the pause a rolling update costs its partitions.
         */
        @WithDefault("15s")
        Duration sessionTimeout();
    }
}
