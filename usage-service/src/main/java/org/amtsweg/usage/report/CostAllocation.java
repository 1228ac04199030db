package org.amtsweg.usage.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cost allocation key (Verteilungsschlüssel) of the shared operation: a base share of the monthly total
 * split equally among the connected authorities, the rest in proportion to the applications submitted to each.
 * Computed in exact fractions of a cent and rounded by largest remainder (Hare–Niemeyer), so that the
 * authorities' amounts add up to the total to the cent, and an authority's amount is never more than a cent
 * away from its exact share.
 *
 * @param formula                the rule, for the reader of the report
 * @param monthlyTotalCents      what the month costs
 * @param baseShare              the fraction split equally
 * @param connectedAuthorities   how many authorities share it (those with any figure in the month)
 * @param submittedApplications  the applications submitted to them all, the usage part's denominator
 * @param shares                 each authority's part, by authority id
 */
public record CostAllocation(
        String formula,
        long monthlyTotalCents,
        BigDecimal baseShare,
        int connectedAuthorities,
        long submittedApplications,
        List<Share> shares) {

    public static final String FORMULA = "share(a) = total × baseShare / connectedAuthorities"
            + " + total × (1 − baseShare) × submitted(a) / submitted(all)"
            + "; with no submission in the month the usage part is split equally too"
            + "; amounts in euro cents, rounded by largest remainder so that they add up to the total";

    /**
     * @param exactCents the share before rounding, to four decimal places
     * @param cents      the amount the authority carries
     */
    public record Share(String authorityId, long submittedApplications, BigDecimal exactCents, long cents) {}

    /**
     * @param submitted applications submitted in the month per connected authority (zero for one with other usage only)
     */
    public static CostAllocation of(long totalCents, BigDecimal baseShare, Map<String, Long> submitted) {
        if (totalCents < 0 || baseShare.signum() < 0 || baseShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "the total must not be negative and the base share must lie between 0 and 1");
        }
        SortedMap<String, Long> authorities = new TreeMap<>(submitted);
        int n = authorities.size();
        long all = authorities.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new CostAllocation(FORMULA, totalCents, baseShare, 0, 0, List.of());
        }
        // share(a) = T × (b × S + (1 − b) × s(a) × n) / (n × S), with b = u / d exactly: one common denominator.
        BigInteger u = baseShare.unscaledValue();
        BigInteger d = BigInteger.TEN.pow(Math.max(baseShare.scale(), 0));
        if (baseShare.scale() < 0) {
            u = u.multiply(BigInteger.TEN.pow(-baseShare.scale()));
        }
        BigInteger total = BigInteger.valueOf(totalCents);
        BigInteger count = BigInteger.valueOf(n);
        BigInteger denominatorOfS = BigInteger.valueOf(all == 0 ? n : all);
        BigInteger denominator = d.multiply(count).multiply(denominatorOfS);
        List<Part> parts = new ArrayList<>();
        BigInteger handedOut = BigInteger.ZERO;
        for (Map.Entry<String, Long> authority : authorities.entrySet()) {
            BigInteger s = BigInteger.valueOf(all == 0 ? 1 : authority.getValue());
            BigInteger numerator = total.multiply(
                    u.multiply(denominatorOfS).add(d.subtract(u).multiply(s).multiply(count)));
            BigInteger[] division = numerator.divideAndRemainder(denominator);
            parts.add(new Part(authority.getKey(), authority.getValue(), numerator, division[0], division[1]));
            handedOut = handedOut.add(division[0]);
        }
        // The cents the rounding down left over go one each to the largest remainders; ties by authority id.
        long leftOver = total.subtract(handedOut).longValueExact();
        List<Part> byRemainder = parts.stream()
                .sorted(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::authorityId))
                .toList();
        Set<String> roundedUp = new HashSet<>();
        for (int i = 0; i < leftOver; i++) {
            roundedUp.add(byRemainder.get(i).authorityId());
        }
        BigDecimal exactDenominator = new BigDecimal(denominator);
        List<Share> shares = parts.stream()
                .map(part -> new Share(
                        part.authorityId(),
                        part.submitted(),
                        new BigDecimal(part.numerator()).divide(exactDenominator, 4, RoundingMode.HALF_EVEN),
                        part.floor().longValueExact() + (roundedUp.contains(part.authorityId()) ? 1 : 0)))
                .toList();
        return new CostAllocation(FORMULA, totalCents, baseShare, n, all, shares);
    }

    private record Part(
            String authorityId, long submitted, BigInteger numerator, BigInteger floor, BigInteger remainder) {}
}
