package org.amtsweg.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the case service ("amtsweg.cases.*"). */
@ConfigMapping(prefix = "amtsweg.cases")
public interface CaseConfig {

    Registry registry();

    Handover handover();

    LiveInbox liveInbox();

    /** The clerks' live inbox (GET /cases/events) and its own log of case events. */
    interface LiveInbox {
        /** How long a case event stays in the log: a clerk's stream can resume from an event this old, no older. */
        @WithDefault("P30D")
        Duration retention();
    }

    /** Handover to the authorities' specialist procedures: push delivery, signed events, the takeover period. */
    interface Handover {
        /**
         * Whether a push endpoint may be plain {@code http}: only for the local, dev and test profiles (a receiver
         * on loopback); everywhere else an endpoint must be {@code https}.
         */
        @WithDefault("false")
        boolean allowHttpEndpoints();

        /** The platform's name in its SETs ({@code iss}) and the audience ({@code aud}) a procedure's SET must name. */
        @WithDefault("urn:amtsweg:case-service")
        String issuer();

        /** The authority of the platform operator: its administrators administer every authority's handover. */
        @WithDefault("amtsweg")
        String operatorAuthority();

        /** How often due deliveries and the overdue count are looked at. */
        @WithDefault("10s")
        String pollInterval();

        /** The wait after the first failed delivery; it doubles with each further attempt, up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** After this long since the decision a delivery that never succeeded is given up: a dead letter for the operator. */
        @WithDefault("PT48H")
        Duration giveUpAfter();

        /** How long one delivery (the POST to the endpoint) may take. */
        @WithDefault("PT30S")
        Duration requestTimeout();

        /** A case decided but not taken over within this period is flagged to the operator (FIT-Connect: 14 days). */
        @WithDefault("P14D")
        Duration takeoverPeriod();

        /** How far a procedure's SET may be issued in the future (clock skew) or in the past. */
        @WithDefault("PT5M")
        Duration clockSkew();

        @WithDefault("P1D")
        Duration maxEventAge();
    }

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

        /**
         * When a new check becomes due for the sweep. It is asked right after its case's transaction commits; the sweep only
         * takes it up if that did not happen (the service stopped in between), so this must exceed the longest first
         * attempt (the register's two-second timeout and the answer's commit), or a register may be asked twice.
         */
        @WithDefault("PT30S")
        Duration sweepAfter();
    }
}
