package org.amtsweg.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The lifecycle a clerk's case follows. */
class CaseStatusTest {

    @Test
    void theUsualPathIsAllowed() {
        CaseStatus status = CaseStatus.RECEIVED
                .moveTo(CaseStatus.IN_REVIEW)
                .moveTo(CaseStatus.INFORMATION_REQUESTED)
                .moveTo(CaseStatus.IN_REVIEW)
                .moveTo(CaseStatus.DECIDED)
                .moveTo(CaseStatus.HANDED_OVER)
                .moveTo(CaseStatus.CLOSED);
        assertThat(status).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void nothingIsDecidedUnreviewedAndNothingLeavesAFinalState() {
        assertThatThrownBy(() -> CaseStatus.RECEIVED.moveTo(CaseStatus.DECIDED))
                .isInstanceOf(CaseStatus.IllegalTransition.class);
        assertThatThrownBy(() -> CaseStatus.DECIDED.moveTo(CaseStatus.INFORMATION_REQUESTED))
                .isInstanceOf(CaseStatus.IllegalTransition.class);
        for (CaseStatus next : CaseStatus.values()) {
            assertThat(CaseStatus.CLOSED.canMoveTo(next)).isFalse();
            assertThat(CaseStatus.WITHDRAWN.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void anOpenCaseCanBeWithdrawnButADecidedOneCannot() {
        assertThat(CaseStatus.INFORMATION_REQUESTED.canMoveTo(CaseStatus.WITHDRAWN))
                .isTrue();
        assertThat(CaseStatus.DECIDED.canMoveTo(CaseStatus.WITHDRAWN)).isFalse();
    }
}
