/**
 * What every Amtsweg service needs to publish and consume events, written once.
 *
 * <ul>
 *   <li>{@link org.amtsweg.messaging.outbox}: the transactional outbox (an event is committed with the
 *       change it describes) and its relay to Kafka, which deletes what the broker acknowledged;</li>
 *   <li>{@link org.amtsweg.messaging.consume}: the consumer skeleton — an event's effect and its entry in
 *       the processed-event log commit together, a passing failure is retried and never dead-lettered,
 *       only an event that can never succeed goes to the dead-letter topic, with the reason;</li>
 *   <li>{@link org.amtsweg.messaging.trace}: the W3C trace context of an event.</li>
 * </ul>
 *
 * <p>The tables both need come as the Flyway location {@code db/messaging}, which each service adds to
 * {@code quarkus.flyway.locations}. No event record, no service's SQL and no domain type lives here.
 */
package org.amtsweg.messaging;
