package org.amtsweg.messaging.consume;

/**
 * An event that can never succeed, however often it is tried: not a CloudEvent, data that does not match
 * its contract, a contract violation such as an event for an aggregate that does not exist. It goes to
 * the consumer's dead-letter topic with this message as the reason.
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
