package org.amtsweg.messaging.outbox;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.amtsweg.events.CloudEventAttributes;
import org.amtsweg.messaging.trace.TraceContext;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * An outbox row as a Kafka record in CloudEvents binary mode: the attributes as {@code ce_*} headers
 * (with the {@code correlationid} and {@code traceparent} extensions), the aggregate id as key, the
 * topic the row names, the JSON data as value.
 */
final class CloudEventRecord {

    private CloudEventRecord() {
    }

    /** The message for {@code event}; {@code ack} completes when the broker acknowledged it, or fails. */
    static Message<String> of(OutboxEvent event, URI source, CompletableFuture<Void> ack) {
        String traceparent = TraceContext.traceparent(event.correlationId(), event.id().toString());
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.aggregateId())
                .withTimestamp(event.createdAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.CORRELATION_ID, event.correlationId())
                // CloudEvents' distributed-tracing extension; the plain header below is what tracing agents read.
                .withExtension("traceparent", traceparent)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.aggregateId())
                .withHeaders(new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)))
                .build();
        return Message.of(event.payload(), Metadata.of(cloudEvent, kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
