package org.amtsweg.cases;

import org.amtsweg.resourceserver.problem.ProblemCatalog;
import org.amtsweg.resourceserver.problem.ProblemType;

import java.util.Collection;
import java.util.List;

/**
 * The case service's own problem types (its domain: case work, the clerk's authority, the documents of a
 * case), registered beside the platform's in {@code META-INF/services}. {@link Problems} builds them.
 */
public enum CaseProblem implements ProblemType {

    NO_AUTHORITY(403, "Keine Behörde", "No authority"),
    ILLEGAL_TRANSITION(409, "Schritt nicht möglich", "Illegal transition"),
    CASE_HELD_BY_COLLEAGUE(409, "Vorgang bei einer Kollegin oder einem Kollegen", "Case held by a colleague"),
    STALE_REVISION(412, "Vorgang inzwischen geändert", "Case changed meanwhile"),
    DOCUMENT_ALTERED(502, "Dokument weicht ab", "Document differs"),
    DOCUMENTS_UNAVAILABLE(503, "Dokumente gerade nicht abrufbar", "Documents unavailable");

    private final int status;
    private final String german;
    private final String english;

    CaseProblem(int status, String german, String english) {
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
