package org.amtsweg.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of intake ("amtsweg.intake.*"). */
@ConfigMapping(prefix = "amtsweg.intake")
public interface IntakeConfig {

    /** How long a draft nobody touched is kept before it is deleted. */
    @WithDefault("P30D")
    Duration draftRetention();

    /** When expired drafts are deleted (a Quartz-style cron, read by the scheduler from this property). */
    @WithDefault("0 17 3 * * ?")
    String draftExpiryCron();

    /** The virus scan of uploads by a ClamAV daemon; off unless a host is configured. */
    Clamd clamd();

    interface Clamd {
        Optional<String> host();

        @WithDefault("3310")
        int port();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
