package org.amtsweg.usage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The allocation key: exact shares, rounded so that they add up to the total to the cent. */
class CostAllocationTest {

    @Test
    void theSharesAddUpToTheTotalForAnyFiguresAndAreWithinACentOfTheExactShare() {
        Random random = new Random(18);
        for (int round = 0; round < 2_000; round++) {
            long total = random.nextInt(10_000_000);
            BigDecimal base = BigDecimal.valueOf(random.nextInt(1001), 3);
            Map<String, Long> submitted = new TreeMap<>();
            int authorities = 1 + random.nextInt(12);
            for (int i = 0; i < authorities; i++) {
                submitted.put("authority-" + i, (long) (random.nextInt(4) == 0 ? 0 : random.nextInt(5_000)));
            }
            CostAllocation allocation = CostAllocation.of(total, base, submitted);
            assertThat(allocation.shares().stream()
                            .mapToLong(CostAllocation.Share::cents)
                            .sum())
                    .isEqualTo(total);
            long all = submitted.values().stream().mapToLong(Long::longValue).sum();
            for (CostAllocation.Share share : allocation.shares()) {
                double exact = all == 0
                        ? (double) total / authorities
                        : total * base.doubleValue() / authorities
                                + total * (1 - base.doubleValue()) * share.submittedApplications() / all;
                assertThat(Math.abs(share.cents() - exact)).isLessThan(1.0 + 1e-6);
                assertThat(share.exactCents().doubleValue()).isCloseTo(exact, Offset.offset(0.001));
            }
        }
    }

    @Test
    void theLeftOverCentsGoToTheLargestRemaindersThenByAuthority() {
        // 100 cents among three equal authorities: 33.33 each, the one left-over cent to the first by id.
        CostAllocation equal = CostAllocation.of(100, BigDecimal.ONE, Map.of("c", 5L, "a", 1L, "b", 0L));
        assertThat(equal.shares()).extracting(CostAllocation.Share::authorityId).containsExactly("a", "b", "c");
        assertThat(equal.shares()).extracting(CostAllocation.Share::cents).containsExactly(34L, 33L, 33L);
        // No base: by submissions alone, 2:1 of 100 → 66.67 and 33.33 → 67 and 33.
        CostAllocation byUse = CostAllocation.of(100, BigDecimal.ZERO, Map.of("hagen", 2L, "witten", 1L));
        assertThat(byUse.shares()).extracting(CostAllocation.Share::cents).containsExactly(67L, 33L);
        assertThat(byUse.shares().get(0).exactCents()).isEqualByComparingTo("66.6667");
    }

    @Test
    void withoutSubmissionsTheUsagePartIsSplitEquallyToo() {
        CostAllocation allocation = CostAllocation.of(1_000, new BigDecimal("0.4"), Map.of("hagen", 0L, "witten", 0L));
        assertThat(allocation.shares()).extracting(CostAllocation.Share::cents).containsExactly(500L, 500L);
        assertThat(allocation.submittedApplications()).isZero();
    }

    @Test
    void aBaseShareFromTheConfigurationIsTakenExactly() {
        // 0.4 of 1 000 000 cents among 3 = 133 333.33…; the rest 600 000 by 1:1:2.
        CostAllocation allocation =
                CostAllocation.of(1_000_000, new BigDecimal("0.40"), Map.of("a", 1L, "b", 1L, "c", 2L));
        assertThat(allocation.shares())
                .extracting(CostAllocation.Share::exactCents)
                .extracting(BigDecimal::toPlainString)
                .containsExactly("283333.3333", "283333.3333", "433333.3333");
        assertThat(allocation.shares())
                .extracting(CostAllocation.Share::cents)
                .containsExactly(283334L, 283333L, 433333L);
    }

    @Test
    void noAuthorityNoShares() {
        assertThat(CostAllocation.of(5_000, BigDecimal.ONE, Map.of()).shares()).isEmpty();
    }

    @Test
    void aBaseShareOutsideZeroToOneIsADefectOfTheConfiguration() {
        assertThatThrownBy(() -> CostAllocation.of(1, new BigDecimal("1.5"), Map.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
