package org.amtsweg.messaging.outbox;

import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.amtsweg.events.CloudEventAttributes;
import org.amtsweg.messaging.trace.JourneyTrace;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * An outbox row as a Kafka record in CloudEvents binary mode: the attributes as {@code ce_*} headers
 * (with the {@code correlationid} extension), the aggregate id as key, the topic the row names, the JSON data as
 * value; published in the journey's trace ({@link JourneyTrace}), whose {@code traceparent} header the connector writes.
 */
final class CloudEventRecord {

    private CloudEventRecord() {}

    /** The message for {@code event}; {@code ack} completes when the broker acknowledged it, or fails. */
    static Message<String> of(OutboxEvent event, URI source, CompletableFuture<Void> ack) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.aggregateId())
                .withTimestamp(event.createdAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(CloudEventAttributes.CORRELATION_ID, event.correlationId())
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.aggregateId())
                .build();
        TracingMetadata journey = TracingMetadata.withCurrent(
                JourneyTrace.ofEvent(event.correlationId(), event.id().toString()));
        return Message.of(
                event.payload(),
                Metadata.of(cloudEvent, kafka, journey),
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
