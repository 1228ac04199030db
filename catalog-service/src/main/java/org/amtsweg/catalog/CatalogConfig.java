package org.amtsweg.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the catalogue ("amtsweg.catalog.*"). */
@ConfigMapping(prefix = "amtsweg.catalog")
public interface CatalogConfig {

    /** The demo authorities Stadt Hagen and Stadt Dortmund, with branding, availability and responsibilities. */
    DemoData demoData();

    interface DemoData {
        /** On for local use and tests; a production catalogue is filled by its administrators. */
        @WithDefault("false")
        boolean enabled();
    }
}
