package org.amtsweg.cases.lifecycle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a case: {@code RECEIVED → IN_REVIEW → INFORMATION_REQUESTED → IN_REVIEW → DECIDED →
 * CLOSED}, with {@code WITHDRAWN} from any open state and {@code HANDED_OVER} once the specialist
 * procedure took a decided case over.
 */
public enum CaseStatus {
    RECEIVED,
    IN_REVIEW,
    INFORMATION_REQUESTED,
    DECIDED,
    HANDED_OVER,
    CLOSED,
    WITHDRAWN;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(IN_REVIEW, WITHDRAWN),
            IN_REVIEW, EnumSet.of(INFORMATION_REQUESTED, DECIDED, WITHDRAWN),
            INFORMATION_REQUESTED, EnumSet.of(IN_REVIEW, WITHDRAWN),
            DECIDED, EnumSet.of(HANDED_OVER, CLOSED),
            HANDED_OVER, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(CaseStatus.class),
            WITHDRAWN, EnumSet.noneOf(CaseStatus.class));

    public boolean canMoveTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The status after moving to {@code next}; an illegal move is an {@link IllegalTransition}. */
    public CaseStatus moveTo(CaseStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransition(this, next);
        }
        return next;
    }

    /** A move the lifecycle does not allow (answered 409). */
    public static class IllegalTransition extends RuntimeException {
        private final CaseStatus from;
        private final CaseStatus to;

        public IllegalTransition(CaseStatus from, CaseStatus to) {
            super("a case in status " + from + " cannot move to " + to, null, false, false);
            this.from = from;
            this.to = to;
        }

        public CaseStatus from() {
            return from;
        }

        public CaseStatus to() {
            return to;
        }
    }
}
