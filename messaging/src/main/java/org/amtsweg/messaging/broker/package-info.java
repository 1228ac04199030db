/** Whether this instance reaches the event broker: shown to the operator beside readiness, never in it. */
package org.amtsweg.messaging.broker;
