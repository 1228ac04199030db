package org.amtsweg.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of the case service ("amtsweg.cases.*"). */
@ConfigMapping(prefix = "amtsweg.cases")
public interface CaseConfig {

    Registry registry();

    /** Register checks. */
    interface Registry {
        /** Switches the simulated resident register to "does not answer" (local experiments and tests). */
        @WithDefault("false")
        boolean simulatorUnavailable();

        /** How often a check is tried before it is recorded as UNAVAILABLE. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait before the first retry; it doubles with each further attempt. */
        @WithDefault("PT5S")
        Duration retryBackoff();
    }
}
