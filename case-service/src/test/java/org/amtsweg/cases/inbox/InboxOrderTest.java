package org.amtsweg.cases.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxOrderTest {

    @Test
    void newestFirstUnlessTheClerkAsksOtherwise() {
        assertThat(InboxOrder.of(null)).contains(InboxOrder.NEWEST);
        assertThat(InboxOrder.of("newest")).contains(InboxOrder.NEWEST);
        assertThat(InboxOrder.of("oldest")).contains(InboxOrder.OLDEST);
    }

    @Test
    void anOrderNobodyDefinedIsNone() {
        assertThat(InboxOrder.of("random")).isEmpty();
        assertThat(InboxOrder.of("NEWEST")).isEmpty();
        assertThat(InboxOrder.of("")).isEmpty();
    }

    @Test
    void theRefusalListsEveryOrderThatExists() {
        assertThat(InboxOrder.parameters()).containsExactly("newest", "oldest");
        assertThat(InboxOrder.parameters())
                .allSatisfy(parameter -> assertThat(InboxOrder.of(parameter)).isPresent());
    }

    @Test
    void theNextPageContinuesInTheReadingDirection() {
        // Descending pages continue below the cursor, ascending ones above it; a mismatch would repeat page 1.
        for (InboxOrder order : InboxOrder.values()) {
            assertThat(order.after).isEqualTo(order.direction.equals("DESC") ? "<" : ">");
        }
        assertThat(InboxOrder.NEWEST.direction).isEqualTo("DESC");
        assertThat(InboxOrder.OLDEST.direction).isEqualTo("ASC");
    }
}
