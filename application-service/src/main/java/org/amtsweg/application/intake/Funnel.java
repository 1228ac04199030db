package org.amtsweg.application.intake;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Funnel metrics per authority and service: how many applications are started, saved, submitted and
 * abandoned, and which fields make people fail (validation errors by field, never by person).
 */
@ApplicationScoped
public class Funnel {

    private final MeterRegistry registry;

    public Funnel(MeterRegistry registry) {
        this.registry = registry;
    }

    public void started(String authority, String service) {
        count("started", authority, service);
    }

    public void saved(String authority, String service) {
        count("saved", authority, service);
    }

    public void submitted(String authority, String service) {
        count("submitted", authority, service);
    }

    public void abandoned(String authority, String service) {
        count("abandoned", authority, service);
    }

    public void refused(String authority, String service, List<Violation> violations) {
        for (Violation violation : violations) {
            registry.counter(
                            "amtsweg.intake.validation.errors",
                            "authority",
                            authority,
                            "service",
                            service,
                            "field",
                            violation.pointer(),
                            "keyword",
                            violation.keyword())
                    .increment();
        }
    }

    private void count(String stage, String authority, String service) {
        registry.counter("amtsweg.intake.applications", "stage", stage, "authority", authority, "service", service)
                .increment();
    }
}
