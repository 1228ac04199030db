package org.amtsweg.usage.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.usage.BillingMonth;

/**
 * What the events of one poll count, gathered so that one transaction writes them: the increments summed per
 * authority, service and month (one row each to add to, however many events), the services the events name for
 * their applications, and the register checks, which name no service and are counted once it is known.
 */
final class PollCounts {

    /** A month's row of the figures. */
    record Figure(String authority, String service, LocalDate month) {}

    /** An application and the service it was made for, as its events name them. */
    record ApplicationService(String applicationId, String authority, String service) {}

    /** A register check of an application, in the month it was completed. */
    record RegistryCheck(String applicationId, String authority, LocalDate month) {}

    private final Map<Figure, Increment> increments = new LinkedHashMap<>();
    private final Map<String, ApplicationService> services = new LinkedHashMap<>();
    private final List<RegistryCheck> checks = new ArrayList<>();

    /** Adds what an event counts to the month it happened in (German time). */
    void add(String authority, String service, Instant at, Increment increment) {
        increments.merge(new Figure(authority, service, BillingMonth.of(at).firstDay()), increment, Increment::plus);
    }

    /** Remembers the service of an application; the first event that names it decides. */
    void service(String applicationId, String authority, String service) {
        services.putIfAbsent(applicationId, new ApplicationService(applicationId, authority, service));
    }

    void registryCheck(String applicationId, String authority, Instant at) {
        checks.add(
                new RegistryCheck(applicationId, authority, BillingMonth.of(at).firstDay()));
    }

    /** Register checks of an application count one each, added to the figure of its service (once known). */
    void addRegistryCheck(RegistryCheck check, String service) {
        increments.merge(
                new Figure(check.authority(), service, check.month()), Increment.registryCheck(), Increment::plus);
    }

    Map<Figure, Increment> increments() {
        return increments;
    }

    List<ApplicationService> services() {
        return List.copyOf(services.values());
    }

    List<RegistryCheck> checks() {
        return checks;
    }
}
