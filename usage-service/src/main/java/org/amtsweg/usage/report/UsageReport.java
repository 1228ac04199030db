package org.amtsweg.usage.report;

import java.time.Instant;
import java.util.List;

/**
 * The usage report of a month (Nutzungsbericht): the figures per authority and service, their totals, the
 * active staff accounts and the cost allocation with its formula and inputs.
 *
 * @param from        the month's first instant (German time), inclusive
 * @param until       the next month's first instant, exclusive
 * @param authorities the authorities the reader may see, by id
 * @param totals      the sums over {@code authorities}
 */
public record UsageReport(
        String month,
        String timeZone,
        Instant from,
        Instant until,
        List<AuthorityUsage> authorities,
        Totals totals,
        CostAllocation costAllocation) {

    /**
     * @param activeStaffAccounts staff accounts whose latest change before the month's end left them active
     * @param allocatedCents      the authority's part of the month's cost
     */
    public record AuthorityUsage(
            String authorityId,
            List<ServiceUsage> services,
            Figures totals,
            long activeStaffAccounts,
            long allocatedCents) {}

    public record ServiceUsage(String serviceKey, Figures figures) {}

    public record Totals(Figures figures, long activeStaffAccounts, long allocatedCents) {}
}
