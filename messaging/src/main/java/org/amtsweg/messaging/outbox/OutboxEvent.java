package org.amtsweg.messaging.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the outbox: an event as it will be published.
 *
 * @param aggregateId   the Kafka key, so that one aggregate's events stay in order
 * @param correlationId the journey the event belongs to (the application id)
 * @param payload       the event's JSON data
 */
public record OutboxEvent(
        UUID id,
        String topic,
        String aggregateId,
        String type,
        String correlationId,
        String payload,
        OffsetDateTime createdAt) {}
