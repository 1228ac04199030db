package org.amtsweg.catalog;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * The catalogue's own problem types, listed beside the platform's in {@code META-INF/amtsweg-problem-types}.
 * {@code no-responsibility} is the catalogue's answer (it owns responsibility); intake passes the same
 * type on with the same status and title when it cannot open an application for that reason.
 */
public enum CatalogProblem implements ProblemType {
    @Definition(status = 404, german = "Keine zuständige Behörde", english = "No responsible authority")
    NO_RESPONSIBILITY,
    @Definition(status = 409, german = "Konflikt", english = "Conflict")
    CONFLICT
}
