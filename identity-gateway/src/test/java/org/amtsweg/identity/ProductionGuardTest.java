package org.amtsweg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.amtsweg.identity.keys.MasterKeys;
import org.junit.jupiter.api.Test;

/**
 * The test profile runs with every shortcut the gateway has; the guard names each one, so a gateway
 * configured like this would refuse to start in {@code prod}.
 */
@QuarkusTest
class ProductionGuardTest {

    @Inject
    IdentityConfig config;

    @Test
    void everyLocalShortcutIsNamed() {
        assertThat(ProductionGuard.shortcuts(config))
                .contains(
                        "the password grant",
                        "the eID simulator",
                        "demo staff",
                        "the repository's secret for client application-service",
                        "the repository's secret for client case-service");
        // Any other secret counts as the operator's own (the test procedure's here).
        assertThat(ProductionGuard.shortcuts(config)).noneMatch(shortcut -> shortcut.contains("procedure-stadt-hagen"));
        assertThat(ProductionGuard.shortcuts(config)).contains("the repository's development master key");
    }

    @Test
    void prodRefusesToStartWithoutAMasterKeyAndAcceptsAnOperatorsOwn() {
        assertThat(ProductionGuard.refusals(OperatorConfigs.of(Map.of())))
                .singleElement()
                .asString()
                .contains("master key")
                .contains("AMTSWEG_IDENTITY_MASTER_KEY");
        String operatorsKey = Base64.getEncoder().encodeToString("an-operator-s-own-256-bit-key!!!".getBytes());
        assertThat(ProductionGuard.refusals(
                        OperatorConfigs.of(Map.of("amtsweg.identity.keys.master-key", operatorsKey))))
                .isEmpty();
        assertThat(ProductionGuard.refusals(
                        OperatorConfigs.of(Map.of("amtsweg.identity.keys.master-key", MasterKeys.DEVELOPMENT_KEY))))
                .singleElement()
                .asString()
                .contains("development master key");
    }
}
