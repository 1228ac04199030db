package org.amtsweg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.amtsweg.messaging.outbox.Outbox;
import org.junit.jupiter.api.Test;

/**
 * A journey is one trace: what a service publishes through the outbox and what another consumes of it carry the
 * journey's trace id (its correlation id), and the consumer's effect — its SQL included — runs inside it.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TracingTest {

    private static final String TYPE = "org.amtsweg.test.JournalEntry";

    private static final AttributeKey<String> CONSUMER_CLIENT = AttributeKey.stringKey("messaging.client_id");

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aPublishedAndConsumedEventIsInTheJourneysTraceWithTheConsumersSql() {
        String correlationId = UUID.randomUUID().toString();
        String traceId = correlationId.replace("-", "");
        UUID id = pool.withTransaction(connection -> outbox.append(
                        connection, KafkaProbe.TOPIC, "traced-1", TYPE, correlationId, new JournalEntry("traced")))
                .await()
                .indefinitely();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> journeySpans(traceId).stream()
                        .anyMatch(span -> span.getName().equals(Journal.CONSUMER + " process") && span.hasEnded()));
        List<SpanData> journey = journeySpans(traceId);

        SpanData published = only(journey, span -> span.getKind() == SpanKind.PRODUCER);
        // The producer's parent is the event: its span id comes from the event's id.
        assertThat(published.getParentSpanId())
                .isEqualTo(id.toString().replace("-", "").substring(0, 16));
        // The journal's receive span: the tally consumes the same topic in a group of its own, in the same trace.
        SpanData received = only(
                journey,
                span -> span.getKind() == SpanKind.CONSUMER
                        && span.getParentSpanId().equals(published.getSpanId())
                        && !span.getName().endsWith(" process")
                        && "kafka-consumer-journal-in"
                                .equals(span.getAttributes().get(CONSUMER_CLIENT)));
        SpanData effect = only(journey, span -> span.getName().equals(Journal.CONSUMER + " process"));
        assertThat(effect.getParentSpanId()).isEqualTo(received.getSpanId());
        assertThat(journey)
                .filteredOn(span -> span.getKind() == SpanKind.CLIENT
                        && span.getParentSpanId().equals(effect.getSpanId()))
                .extracting(span -> span.getAttributes().asMap().toString())
                .anyMatch(attributes -> attributes.contains("INSERT INTO journal_entry"));

        // The header consumers elsewhere (and tracing agents) read: W3C trace context, written by OpenTelemetry.
        assertThat(KafkaProbe.all(KafkaProbe.TOPIC))
                .filteredOn(record -> id.toString().equals(KafkaProbe.header(record, "ce_id")))
                .singleElement()
                .extracting(record -> KafkaProbe.header(record, "traceparent"))
                .isEqualTo("00-" + traceId + "-" + published.getSpanId() + "-01");
    }

    @Test
    void aBatchIsATraceOfItsOwnLinkedToEachJourney() {
        String correlationId = UUID.randomUUID().toString();
        String traceId = correlationId.replace("-", "");
        pool.withTransaction(connection -> outbox.append(
                        connection, KafkaProbe.TOPIC, "traced-2", TYPE, correlationId, new JournalEntry("counted")))
                .await()
                .indefinitely();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .anyMatch(span -> span.getName().equals(Tally.CONSUMER + " process")
                                && span.getLinks().stream()
                                        .anyMatch(link -> link.getSpanContext()
                                                .getTraceId()
                                                .equals(traceId))));
    }

    private List<SpanData> journeySpans(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    private static SpanData only(List<SpanData> spans, Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as("spans %s", spans).hasSize(1);
        return found.get(0);
    }
}
