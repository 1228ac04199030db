package org.amtsweg.resourceserver.input;

import java.util.List;
import org.amtsweg.resourceserver.problem.Violation;

/** A request body that breaks the platform's rules for values; answered as 422 with every violation. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " invalid value(s) in the request body", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
