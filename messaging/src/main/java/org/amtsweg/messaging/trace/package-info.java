/** The journey's trace: OpenTelemetry context for events, its trace id the journey's correlation id. */
package org.amtsweg.messaging.trace;
