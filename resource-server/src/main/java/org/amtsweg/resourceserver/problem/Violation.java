package org.amtsweg.resourceserver.problem;

import java.util.Objects;

/**
 * One reason a request body cannot be accepted, the same shape in every service's
 * {@code validation-failed}: located by JSON pointer into what was sent, with the message in German (for
 * the person at the front end; a portal shows it at the field) and English.
 *
 * @param pointer RFC 6901 pointer into the request body ({@code ""} is the whole body)
 * @param keyword what kind of rule failed, e.g. {@code required}, {@code type}, {@code format},
 *                {@code pattern}, {@code maxLength}, {@code text}, {@code number}
 */
public record Violation(String pointer, String keyword, String message, String messageEn) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
