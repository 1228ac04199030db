package org.amtsweg.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.OperatorConfigs;
import org.junit.jupiter.api.Test;

/** The production defaults: 1 s after five failures in a row, doubling, at most 15 minutes. */
class BackoffTest {

    @Test
    void theDelayDoublesWithEachFailureUpToTheCap() {
        IdentityConfig.Backoff accounts =
                OperatorConfigs.of(Map.of()).throttle().accounts();
        assertThat(accounts.freeFailures()).isEqualTo(5);
        assertThat(AuthThrottle.delay(accounts, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(AuthThrottle.delay(accounts, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(AuthThrottle.delay(accounts, 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(AuthThrottle.delay(accounts, 10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(AuthThrottle.delay(accounts, 10_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(OperatorConfigs.of(Map.of()).throttle().addresses().maxFailures())
                .isEqualTo(1000);
    }
}
