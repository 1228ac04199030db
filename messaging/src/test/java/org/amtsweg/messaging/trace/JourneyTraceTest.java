package org.amtsweg.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

/** Every event of a journey belongs to one W3C trace. */
class JourneyTraceTest {

    @Test
    void theTraceIdIsTheApplicationIdAndTheParentIsTheEvent() {
        SpanContext parent = Span.fromContext(JourneyTrace.ofEvent(
                        "5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10", "0f8e1c52-3a7d-4b96-8e21-5c4d3b2a1f00"))
                .getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo("5b0e6a2e7f434c1a9d0e2f6b1c3a9e10");
        assertThat(parent.getSpanId()).isEqualTo("0f8e1c523a7d4b96");
        assertThat(parent.isSampled()).isTrue();
        assertThat(parent.isRemote()).isTrue();
    }

    @Test
    void aCorrelationIdThatIsNoUuidStillGivesAValidTrace() {
        SpanContext parent = Span.fromContext(JourneyTrace.ofEvent("journey 42", "not a uuid either"))
                .getSpanContext();
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo(JourneyTrace.traceId("journey 42"));
    }

    @Test
    void theNilUuidDoesNotGiveTheInvalidAllZeroIds() {
        SpanContext parent = Span.fromContext(JourneyTrace.ofEvent(
                        "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-8e21-5c4d3b2a1f00"))
                .getSpanContext();
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.getTraceId()).isNotEqualTo("00000000000000000000000000000000");
        assertThat(parent.getSpanId()).isNotEqualTo("0000000000000000");
    }
}
