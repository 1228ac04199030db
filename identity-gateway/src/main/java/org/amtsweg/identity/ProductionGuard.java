package org.amtsweg.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start a production gateway with any of the shortcuts meant for local use and tests: a
 * test identity could otherwise log in as a real citizen, and a client secret that stands in this
 * repository would let anyone act as the case service and read citizens' documents.
 */
@ApplicationScoped
public class ProductionGuard {

    /** The prefix of the client secrets the repository configures for local use. */
    static final String LOCAL_SECRET_PREFIX = "local-";

    void check(@Observes StartupEvent event, IdentityConfig config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        List<String> shortcuts = shortcuts(config);
        if (prod && !shortcuts.isEmpty()) {
            throw new IllegalStateException("the prod profile must not run with: " + String.join("; ", shortcuts));
        }
    }

    /** What of this configuration is for local use and tests only. */
    public static List<String> shortcuts(IdentityConfig config) {
        List<String> found = new ArrayList<>();
        if (config.directGrantEnabled()) {
            found.add("the password grant");
        }
        if (config.testIdentities().enabled()) {
            found.add("the eID simulator");
        }
        if (config.demoStaff().enabled()) {
            found.add("demo staff");
        }
        config.clients().forEach((id, client) -> client.secret()
                .filter(secret -> secret.startsWith(LOCAL_SECRET_PREFIX))
                .ifPresent(secret -> found.add("the repository's secret for client " + id)));
        return found;
    }
}
