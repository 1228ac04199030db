package org.amtsweg.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/** Configuration of the usage service ("amtsweg.usage.*"). */
@ConfigMapping(prefix = "amtsweg.usage")
public interface UsageConfig {

    /**
     * The authority of the platform's operator (Betreiber): its administrators read every authority's figures,
     * every other authority's administrators only their own.
     */
    @WithDefault("amtsweg")
    String operatorAuthority();

    Cost cost();

    /** The cost allocation key (Verteilungsschlüssel) of the shared operation. */
    interface Cost {
        /** What a month of operation costs in euro, e.g. {@code 12000.00}; whole cents. */
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        BigDecimal monthlyTotal();

        /**
         * The fraction of the monthly total every connected authority carries in equal parts, e.g. {@code 0.4};
         * the remainder is shared in proportion to the applications submitted to each authority.
         */
        @DecimalMin("0")
        @DecimalMax("1")
        BigDecimal baseShare();
    }
}
