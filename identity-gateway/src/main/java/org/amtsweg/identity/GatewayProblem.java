package org.amtsweg.identity;

import org.amtsweg.resourceserver.problem.ProblemCatalog;
import org.amtsweg.resourceserver.problem.ProblemType;

import java.util.Collection;
import java.util.List;

/**
 * The gateway's own problem types: what its edge refuses before any endpoint runs ({@code InputGate}),
 * as an API client reads it (its OAuth endpoints answer RFC 6749 errors instead, its pages HTML).
 * Registered beside the platform's in {@code META-INF/services}.
 */
public enum GatewayProblem implements ProblemType {

    MALFORMED_HEADER(400, "Kopfzeile nicht lesbar", "Header unreadable"),
    MALFORMED_PARAMETERS(400, "Parameter nicht lesbar", "Parameters unreadable"),
    UNREADABLE_FORM(400, "Formular nicht lesbar", "Form unreadable"),
    CROSS_SITE(403, "Fremde Seite abgelehnt", "Cross-site request refused");

    private final int status;
    private final String german;
    private final String english;

    GatewayProblem(int status, String german, String english) {
        this.status = status;
        this.german = german;
        this.english = english;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String german() {
        return german;
    }

    @Override
    public String english() {
        return english;
    }

    /** Listed in {@code META-INF/services/org.amtsweg.resourceserver.problem.ProblemCatalog}. */
    public static final class Catalog implements ProblemCatalog {
        @Override
        public Collection<? extends ProblemType> types() {
            return List.of(values());
        }
    }
}
