package org.amtsweg.messaging.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of a journey belongs to one W3C trace. */
class TraceContextTest {

    @Test
    void theTraceIdIsTheApplicationIdAndTheSpanIdComesFromTheEvent() {
        String traceparent = TraceContext.traceparent("5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10", "0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00");
        assertThat(traceparent).isEqualTo("00-5b0e6a2e7f434c1a9d0e2f6b1c3a9e10-0f8e1c523a7d4b96-01");
    }

    @Test
    void aCorrelationIdThatIsNoUuidStillGivesAValidTraceId() {
        assertThat(TraceContext.traceparent("journey 42", "0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void theNilUuidDoesNotGiveTheInvalidAllZeroTraceId() {
        assertThat(TraceContext.traceparent("00000000-0000-0000-0000-000000000000", "0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00"))
                .matches("00-[0-9a-f]{32}-0f8e1c523a7d4b96-01")
                .doesNotStartWith("00-00000000000000000000000000000000");
    }
}
