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
        /**
         * Where resident-register checks go: {@code simulator} (the test data; local use and tests, refused
         * in {@code prod}) or {@code none} (no register connected: each check is recorded UNAVAILABLE at
         * once, so the clerk checks by hand). A real XMeld adapter is selected by its own value.
         */
        @WithDefault("none")
        String residentRegister();

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
