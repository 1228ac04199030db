package org.amtsweg.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the catalogue ("amtsweg.catalog.*"). */
@ConfigMapping(prefix = "amtsweg.catalog")
public interface CatalogConfig {

    /** The demo authorities Stadt Hagen and Stadt Dortmund, with branding, availability and responsibilities. */
    DemoData demoData();

    /**
     * The citizen portal's address, for the feed's deep links {@code {portal}/antrag/{service}?ags={ags}}: where another
     * portal sends a citizen so that she lands on her authority's branded start of the service.
     */
    @WithDefault("http://127.0.0.1:8084")
    String portalBaseUrl();

    interface DemoData {
        /** On for local use and tests; a production catalogue is filled by its administrators. */
        @WithDefault("false")
        boolean enabled();
    }
}
