package org.amtsweg.cases.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The order of the inbox: newest first (what just arrived) or oldest first (first come, first served —
 * how many offices work their queue). Both page by keyset over the same index, read in either direction.
 */
public enum InboxOrder {
    NEWEST("newest", "<", "DESC"),
    OLDEST("oldest", ">", "ASC");

    private final String parameter;
    /** Comparison of (opened_at, id) with the cursor that yields the next page. */
    final String after;

    final String direction;

    InboxOrder(String parameter, String after, String direction) {
        this.parameter = parameter;
        this.after = after;
        this.direction = direction;
    }

    /** The values {@code sort} accepts. */
    public static List<String> parameters() {
        return Arrays.stream(values()).map(order -> order.parameter).toList();
    }

    /** The order a {@code sort} value names; newest first when none is given. */
    public static Optional<InboxOrder> of(String parameter) {
        if (parameter == null) {
            return Optional.of(NEWEST);
        }
        return Arrays.stream(values())
                .filter(order -> order.parameter.equals(parameter))
                .findFirst();
    }
}
