package org.amtsweg.identity;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * The gateway's own problem types: what its edge refuses before any endpoint runs ({@code InputGate}),
 * as an API client reads it (its OAuth endpoints answer RFC 6749 errors instead, its pages HTML).
 * Listed beside the platform's in {@code META-INF/amtsweg-problem-types}.
 */
public enum GatewayProblem implements ProblemType {
    @Definition(status = 400, german = "Kopfzeile nicht lesbar", english = "Header unreadable")
    MALFORMED_HEADER,
    @Definition(status = 400, german = "Parameter nicht lesbar", english = "Parameters unreadable")
    MALFORMED_PARAMETERS,
    @Definition(status = 400, german = "Formular nicht lesbar", english = "Form unreadable")
    UNREADABLE_FORM,
    @Definition(status = 403, german = "Fremde Seite abgelehnt", english = "Cross-site request refused")
    CROSS_SITE
}
