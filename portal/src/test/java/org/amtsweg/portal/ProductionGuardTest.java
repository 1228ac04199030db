package org.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A production portal names every secret it still has from the repository; its own secrets pass. */
class ProductionGuardTest {

    @Test
    void theRepositorysSecretsAreRefusedAndTheOperatorsPass() {
        Map<String, String> config = Map.of(
                "quarkus.oidc.credentials.secret",
                "local-portal-secret",
                "quarkus.oidc.staff.credentials.secret",
                "s3cr3t-from-the-vault",
                "quarkus.rest-csrf.token-signature-key",
                "local-portal-csrf-signature-key-change-in-production-0123456789");

        assertThat(ProductionGuard.repositorySecrets(name -> Optional.ofNullable(config.get(name))))
                .containsExactly("quarkus.oidc.credentials.secret", "quarkus.rest-csrf.token-signature-key");
    }
}
