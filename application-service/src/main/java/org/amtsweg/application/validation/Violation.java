package org.amtsweg.application.validation;

/**
 * One reason an application cannot be accepted, located by JSON pointer into the form data, with
 * the message in German (for the citizen) and English.
 *
 * @param keyword the JSON Schema keyword that failed, e.g. {@code required}, {@code format}
 */
public record Violation(String pointer, String keyword, String message, String messageEn) {
}
