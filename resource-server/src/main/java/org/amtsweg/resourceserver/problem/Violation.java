package org.amtsweg.resourceserver.problem;

/**
 * One reason a request cannot be accepted, located by JSON pointer into what was sent, with the
 * message in German (for the person at the front end) and English.
 *
 * @param pointer RFC 6901 pointer into the request body ({@code ""} is the whole body)
 * @param keyword what kind of rule failed, e.g. {@code type}, {@code text}, {@code number}, {@code required}
 */
public record Violation(String pointer, String keyword, String message, String messageEn) {
}
