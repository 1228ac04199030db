package org.amtsweg.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

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

    /** Consumers. */
    Consumers consumers();

    interface Consumers {

        /** First wait before an event whose effect failed passingly (database away) is tried again. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** Longest wait between two tries; the consumer keeps trying and never skips the event. */
        @WithDefault("10s")
        Duration maxRetryDelay();
    }
}
