package org.amtsweg.portal;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a production portal with a secret that stands in this repository: with the known
 * client secrets anyone could complete logins as the portal, with the known state or CSRF key forge
 * its login state and form tokens.
 */
@ApplicationScoped
public class ProductionGuard {

    /** The settings whose repository defaults begin with {@code local-}. */
    static final List<String> SECRETS = List.of(
            "quarkus.oidc.credentials.secret",
            "quarkus.oidc.staff.credentials.secret",
            "quarkus.oidc.authentication.state-secret",
            "quarkus.oidc.staff.authentication.state-secret",
            "quarkus.rest-csrf.token-signature-key");

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && ConfigUtils.getProfiles().contains("prod")) {
            List<String> refused =
                    repositorySecrets(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
            if (!refused.isEmpty()) {
                throw new IllegalStateException(
                        "the prod profile refuses to start with the repository's value of " + String.join(", ", refused)
                                + " (set AMTSWEG_PORTAL_CLIENT_SECRET, AMTSWEG_PORTAL_STAFF_CLIENT_SECRET, AMTSWEG_PORTAL_STATE_SECRET, AMTSWEG_PORTAL_CSRF_KEY)");
            }
        }
    }

    static List<String> repositorySecrets(Function<String, Optional<String>> config) {
        return SECRETS.stream()
                .filter(name -> config.apply(name)
                        .filter(value -> value.startsWith("local-"))
                        .isPresent())
                .toList();
    }
}
