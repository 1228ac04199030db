package org.amtsweg.messaging.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.amtsweg.events.CloudEventAttributes;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumed Kafka record read as a CloudEvent: its attributes, and its data as the contract's record.
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String subject;
    private final String correlationId;
    private final String json;
    private final ObjectMapper mapper;

    IncomingEvent(String id, String type, String subject, String correlationId, String json, ObjectMapper mapper) {
        this.id = id;
        this.type = type;
        this.subject = subject;
        this.correlationId = correlationId;
        this.json = json;
        this.mapper = mapper;
    }

    /** Reads the envelope; a record that is no CloudEvent is poison. */
    static IncomingEvent of(Message<String> message, ObjectMapper mapper) {
        IncomingCloudEventMetadata<?> metadata = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEvent("not a CloudEvent: no ce_* headers"));
        if (metadata.getId() == null || metadata.getType() == null) {
            throw new PoisonEvent("a CloudEvent without id or type");
        }
        if (message.getPayload() == null) {
            throw new PoisonEvent("a CloudEvent without data");
        }
        String correlationId = metadata.getExtension(CloudEventAttributes.CORRELATION_ID)
                .map(Object::toString)
                .orElse(null);
        return new IncomingEvent(
                metadata.getId(),
                metadata.getType(),
                metadata.getSubject().orElse(null),
                correlationId,
                message.getPayload(),
                mapper);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    /** The application id of the journey (the {@code correlationid} extension), or null. */
    public String correlationId() {
        return correlationId;
    }

    /** The data as its contract's record; data that does not fit is poison. */
    public <T> T data(Class<T> contract) {
        try {
            T data = mapper.readValue(json, contract);
            if (data == null) {
                throw new PoisonEvent(type + ": data is null");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEvent(type + " does not match its contract: " + e.getOriginalMessage(), e);
        }
    }
}
