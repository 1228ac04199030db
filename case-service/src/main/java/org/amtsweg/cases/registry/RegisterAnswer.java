package org.amtsweg.cases.registry;

import java.util.List;
import java.util.Map;

/**
 * A register's answer.
 *
 * @param result          {@code MATCH}, {@code MISMATCH}, {@code NOT_FOUND} or {@code UNAVAILABLE}
 * @param differingFields with {@code MISMATCH}: the applicant's fields the register holds differently
 * @param details         what the register returned, kept for audit
 */
public record RegisterAnswer(String result, List<String> differingFields, Map<String, Object> details) {

    public static RegisterAnswer unavailable(String reason) {
        return new RegisterAnswer("UNAVAILABLE", List.of(), Map.of("reason", reason));
    }
}
