package org.amtsweg.messaging.consume;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The span a consumer's effect runs in. The Kafka connector records that a record was received (a span that ends at
 * once); this one lasts as long as the effect, its retries included, and is the current context meanwhile, so that the
 * effect's SQL statements and the events it writes are seen in the journey's trace. A batch's effect serves many
 * journeys: its span is a trace of its own, linked to each record's.
 */
@ApplicationScoped
class EffectSpan {

    private final Tracer tracer;

    EffectSpan(Tracer tracer) {
        this.tracer = tracer;
    }

    <T> Uni<T> around(Message<?> message, String consumer, Supplier<Uni<T>> effect) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(received(message));
        return around(builder, effect);
    }

    <T> Uni<T> aroundBatch(List<? extends Message<?>> messages, String consumer, Supplier<Uni<T>> effect) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAttribute("messaging.batch.message_count", (long) messages.size());
        messages.forEach(
                message -> builder.addLink(Span.fromContext(received(message)).getSpanContext()));
        return around(builder, effect);
    }

    private static <T> Uni<T> around(SpanBuilder builder, Supplier<Uni<T>> effect) {
        Span span = builder.startSpan();
        // Current only on the record's own (duplicated) Vert.x context, where it stays until the effect ends however
        // many threads its steps run on; a thread-local scope would have to be closed on the thread that opened it.
        // With tracing off the span records nothing, and making it current would only cost.
        Scope scope = span.isRecording() && VertxContext.isOnDuplicatedContext() ? span.makeCurrent() : Scope.noop();
        return Uni.createFrom()
                .deferred(() -> effect.get())
                .onFailure()
                .invoke(failure -> span.setStatus(StatusCode.ERROR, failure.getMessage()))
                .onTermination()
                .invoke(() -> {
                    scope.close();
                    span.end();
                });
    }

    /** The receive span's context the connector attached to the message, else the current one. */
    private static Context received(Message<?> message) {
        return TracingMetadata.fromMessage(message)
                .map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
    }
}
