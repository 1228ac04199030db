package org.amtsweg.cases;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * The case service's own problem types (its domain: case work, the clerk's authority, the documents of a
 * case), listed beside the platform's in {@code META-INF/amtsweg-problem-types}. {@link Problems} builds them.
 */
public enum CaseProblem implements ProblemType {

    @Definition(status = 403, german = "Keine Behörde", english = "No authority")
    NO_AUTHORITY,
    @Definition(status = 409, german = "Schritt nicht möglich", english = "Illegal transition")
    ILLEGAL_TRANSITION,
    @Definition(status = 409, german = "Vorgang bei einer Kollegin oder einem Kollegen", english = "Case held by a colleague")
    CASE_HELD_BY_COLLEAGUE,
    @Definition(status = 412, german = "Vorgang inzwischen geändert", english = "Case changed meanwhile")
    STALE_REVISION,
    @Definition(status = 502, german = "Dokument weicht ab", english = "Document differs")
    DOCUMENT_ALTERED,
    @Definition(status = 503, german = "Dokumente gerade nicht abrufbar", english = "Documents unavailable")
    DOCUMENTS_UNAVAILABLE
}
