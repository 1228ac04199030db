package org.amtsweg.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.amtsweg.identity.keys.MasterKeys;

/**
 * Refuses to start a production gateway with any of the shortcuts meant for local use and tests: a
 * test identity could otherwise log in as a real citizen, and a client secret (or the development
 * master key) that stands in this repository would let anyone act as the case service and read
 * citizens' documents, or sign tokens; and without a master key for the signing keys.
 */
@ApplicationScoped
public class ProductionGuard {

    /** The prefix of the client secrets the repository configures for local use. */
    static final String LOCAL_SECRET_PREFIX = "local-";

    // Before anything else starts: the signing keys must not be generated or read without the master key.
    void check(@Observes @Priority(1) StartupEvent event, IdentityConfig config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL
                && ConfigUtils.getProfiles().contains("prod");
        if (prod) {
            List<String> refused = refusals(config);
            if (!refused.isEmpty()) {
                throw new IllegalStateException("the prod profile refuses to start: " + String.join("; ", refused));
            }
        }
    }

    /** Why a production gateway with this configuration must not start: its local shortcuts and what it lacks. */
    public static List<String> refusals(IdentityConfig config) {
        List<String> refused = new ArrayList<>();
        shortcuts(config).forEach(shortcut -> refused.add("it must not run with " + shortcut));
        if (MasterKeys.configured(config).isEmpty()) {
            refused.add(
                    "it needs a master key for the signing keys (AMTSWEG_IDENTITY_MASTER_KEY or amtsweg.identity.keys.master-key-file)");
        }
        return refused;
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
        if (MasterKeys.configured(config)
                .filter(MasterKeys.DEVELOPMENT_KEY::equals)
                .isPresent()) {
            found.add("the repository's development master key");
        }
        config.clients()
                .forEach((id, client) -> client.secret()
                        .filter(secret -> secret.startsWith(LOCAL_SECRET_PREFIX))
                        .ifPresent(secret -> found.add("the repository's secret for client " + id)));
        return found;
    }
}
