package org.amtsweg.identity;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;

/** The gateway's configuration as an operator gives it (no profile, no repository defaults), for plain unit tests. */
public final class OperatorConfigs {

    private OperatorConfigs() {}

    public static IdentityConfig of(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(
                Map.of("amtsweg.identity.issuer", "https://id.example", "amtsweg.identity.pseudonym-secret", "s"));
        all.putAll(properties);
        return new SmallRyeConfigBuilder()
                .withMapping(IdentityConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build()
                .getConfigMapping(IdentityConfig.class);
    }
}
