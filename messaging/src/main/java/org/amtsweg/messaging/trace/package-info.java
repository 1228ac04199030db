/** W3C trace context for events, derived from the journey's correlation id. */
package org.amtsweg.messaging.trace;
