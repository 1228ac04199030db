package org.amtsweg.cases.registry;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * All register adapters, each call bounded by a timeout and a circuit breaker, so that a slow or
 * failing register costs at most two seconds per check and none while it is known to be down.
 */
@ApplicationScoped
public class Registers {

    private final Map<String, RegisterAdapter> adapters;

    public Registers(Instance<RegisterAdapter> adapters) {
        this.adapters =
                adapters.stream().collect(Collectors.toUnmodifiableMap(RegisterAdapter::register, Function.identity()));
    }

    public Optional<RegisterAdapter> adapter(String register) {
        return Optional.ofNullable(adapters.get(register));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<RegisterAnswer> ask(RegisterAdapter adapter, RegisterQuery query) {
        return adapter.check(query);
    }
}
