package org.amtsweg.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.amtsweg.portal.login.TrustLevel;

/** The portal's own settings; the services' addresses are the REST clients' ({@code quarkus.rest-client.*}). */
@ConfigMapping(prefix = "amtsweg.portal")
public interface PortalConfig {

    /** How long a session's tokens stay on this server without a request; then the person logs in again. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /**
     * The trust level every citizen's login asks the gateway for at least ({@code acr_values}): the catalogue's
     * online services demand "substantial" or more; a page that needs more steps the login up.
     */
    @WithDefault("substantial")
    TrustLevel minimumTrustLevel();
}
