/**
 * The events Amtsweg's services exchange over Kafka, defined once.
 *
 * <p>Each record is the {@code data} of a CloudEvents 1.0 event in Kafka binary mode: the CloudEvents
 * attributes ({@code id}, {@code type}, {@code source}, {@code subject}, {@code time}) and the
 * {@code correlationid} extension travel as {@code ce_*} headers, the record as the JSON value. The
 * JSON Schema of each type lies beside it under {@code org/amtsweg/events/schemas/}, an example
 * under {@code org/amtsweg/events/examples/}. Fields are only ever added, never renamed or removed,
 * so that consumers of an older version keep working.
 */
package org.amtsweg.events;
