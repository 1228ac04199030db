package org.amtsweg.usage.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.amtsweg.usage.BillingMonth;
import org.amtsweg.usage.UsageConfig;

/**
 * Builds the report of a month for one reader. The allocation is always computed over every connected
 * authority (an authority's part depends on the others'); a reader then sees the authorities she may see.
 */
@ApplicationScoped
public class UsageReports {

    private final UsageQueries queries;
    private final UsageConfig config;

    public UsageReports(UsageQueries queries, UsageConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /** @param onlyAuthority the one authority to show, or empty for all */
    public Uni<UsageReport> report(BillingMonth month, Optional<String> onlyAuthority) {
        return queries.month(month).map(usage -> build(month, usage, onlyAuthority));
    }

    private UsageReport build(BillingMonth month, UsageQueries.MonthUsage usage, Optional<String> onlyAuthority) {
        // Connected: every authority with a figure in the month or an active staff account at its end; the operator
        // runs the platform and carries no share.
        TreeSet<String> authorities = new TreeSet<>(usage.figures().keySet());
        authorities.addAll(usage.activeStaffAccounts().keySet());
        Map<String, Long> submitted = new TreeMap<>();
        for (String authority : authorities) {
            if (!authority.equals(config.operatorAuthority())) {
                submitted.put(
                        authority,
                        usage.figures().getOrDefault(authority, Map.of()).values().stream()
                                .mapToLong(Figures::applicationsSubmitted)
                                .sum());
            }
        }
        CostAllocation allocation = CostAllocation.of(
                cents(config.cost().monthlyTotal()), config.cost().baseShare(), submitted);
        Map<String, Long> allocated = new TreeMap<>();
        allocation.shares().forEach(share -> allocated.put(share.authorityId(), share.cents()));

        List<UsageReport.AuthorityUsage> shown = new ArrayList<>();
        Figures figures = Figures.NONE;
        long staff = 0;
        long cents = 0;
        for (String authority : authorities) {
            if (onlyAuthority.isPresent() && !onlyAuthority.get().equals(authority)) {
                continue;
            }
            List<UsageReport.ServiceUsage> services = new ArrayList<>();
            Figures sum = Figures.NONE;
            for (Map.Entry<String, Figures> service :
                    usage.figures().getOrDefault(authority, Map.of()).entrySet()) {
                services.add(new UsageReport.ServiceUsage(service.getKey(), service.getValue()));
                sum = sum.plus(service.getValue());
            }
            long active = usage.activeStaffAccounts().getOrDefault(authority, 0L);
            long share = allocated.getOrDefault(authority, 0L);
            shown.add(new UsageReport.AuthorityUsage(authority, services, sum, active, share));
            figures = figures.plus(sum);
            staff += active;
            cents += share;
        }
        if (onlyAuthority.isPresent()) {
            // An authority's administrator sees her own part and the inputs of the formula, not the others' parts.
            allocation = new CostAllocation(
                    allocation.formula(),
                    allocation.monthlyTotalCents(),
                    allocation.baseShare(),
                    allocation.connectedAuthorities(),
                    allocation.submittedApplications(),
                    allocation.shares().stream()
                            .filter(share -> share.authorityId().equals(onlyAuthority.get()))
                            .toList());
        }
        return new UsageReport(
                month.toString(),
                BillingMonth.ZONE.getId(),
                month.start(),
                month.end(),
                shown,
                new UsageReport.Totals(figures, staff, cents),
                allocation);
    }

    private static long cents(BigDecimal euro) {
        return euro.movePointRight(2).longValueExact();
    }
}
