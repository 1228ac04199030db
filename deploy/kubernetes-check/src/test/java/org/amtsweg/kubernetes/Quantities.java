package org.amtsweg.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Kubernetes resource quantities ("500m", "384Mi") as numbers, through fabric8's Quantity. */
final class Quantities {

    private Quantities() {}

    static BigDecimal parse(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity));
    }
}
