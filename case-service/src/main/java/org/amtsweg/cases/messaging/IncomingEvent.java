package org.amtsweg.cases.messaging;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.amtsweg.events.CloudEventAttributes;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The CloudEvents attributes and JSON data of a consumed Kafka record.
 *
 * @param correlationId the application id of the journey (the {@code correlationid} extension)
 */
public record IncomingEvent(String id, String type, String subject, String correlationId, String data) {

    /** Reads the envelope; a record that is no CloudEvent is a poison event and fails here. */
    public static IncomingEvent of(Message<String> message) {
        IncomingCloudEventMetadata<?> metadata = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent: no ce_* headers"));
        String correlationId = metadata.getExtension(CloudEventAttributes.CORRELATION_ID).map(Object::toString).orElse(null);
        return new IncomingEvent(metadata.getId(), metadata.getType(), metadata.getSubject().orElse(null), correlationId, message.getPayload());
    }
}
