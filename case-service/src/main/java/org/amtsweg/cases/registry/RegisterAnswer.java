package org.amtsweg.cases.registry;

import java.util.List;
import java.util.Map;

/**
 * A register's answer.
 *
 * @param result          what the register said
 * @param differingFields with {@code MISMATCH}: the applicant's fields the register holds differently
 * @param details         what the register returned, kept for audit
 */
public record RegisterAnswer(RegisterResult result, List<String> differingFields, Map<String, Object> details) {

    public static RegisterAnswer unavailable(String reason) {
        return new RegisterAnswer(RegisterResult.UNAVAILABLE, List.of(), Map.of("reason", reason));
    }
}
