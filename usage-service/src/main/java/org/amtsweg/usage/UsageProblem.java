package org.amtsweg.usage;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * The usage service's own problem types (whose figures an administrator may read), listed beside the
 * platform's in {@code META-INF/amtsweg-problem-types}.
 */
public enum UsageProblem implements ProblemType {

    /** The token names no authority (the same type as case-service's). */
    @Definition(status = 403, german = "Keine Behörde", english = "No authority")
    NO_AUTHORITY,
    /** An authority's administrator asked for another authority's figures. */
    @Definition(status = 403, german = "Zahlen einer anderen Behörde", english = "Another authority's figures")
    OTHER_AUTHORITY
}
