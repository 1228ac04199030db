package org.amtsweg.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start a production gateway with any of the shortcuts meant for local use and tests:
 * a test identity could otherwise log in as a real citizen.
 */
@ApplicationScoped
public class ProductionGuard {

    void check(@Observes StartupEvent event, IdentityConfig config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod && (config.directGrantEnabled() || config.testIdentities().enabled() || config.demoStaff().enabled())) {
            throw new IllegalStateException("the prod profile must not enable the password grant, the eID simulator or demo staff");
        }
    }
}
