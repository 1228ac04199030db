package org.amtsweg.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The portal's own settings; the services' addresses are the REST clients' ({@code quarkus.rest-client.*}). */
@ConfigMapping(prefix = "amtsweg.portal")
public interface PortalConfig {

    /** How long a session's tokens stay on this server without a request; then the person logs in again. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();
}
