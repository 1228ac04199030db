package org.amtsweg.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latency percentiles of one measured round (nearest-rank), in milliseconds. */
final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(Collection<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return new Percentiles(values);
    }

    double at(int percent) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * percent / 100.0) - 1];
    }

    /** "p50 12.3 / p99 45.6 ms" */
    String summary() {
        return String.format("p50 %.1f / p99 %.1f ms", at(50), at(99));
    }
}
