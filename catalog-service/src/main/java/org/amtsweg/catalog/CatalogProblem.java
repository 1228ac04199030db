package org.amtsweg.catalog;

import org.amtsweg.resourceserver.problem.ProblemCatalog;
import org.amtsweg.resourceserver.problem.ProblemType;

import java.util.Collection;
import java.util.List;

/**
 * The catalogue's own problem types, registered beside the platform's in {@code META-INF/services}.
 * {@code no-responsibility} is the catalogue's answer (it owns responsibility); intake passes the same
 * type on with the same status and title when it cannot open an application for that reason.
 */
public enum CatalogProblem implements ProblemType {

    NO_RESPONSIBILITY(404, "Keine zuständige Behörde", "No responsible authority"),
    CONFLICT(409, "Konflikt", "Conflict");

    private final int status;
    private final String german;
    private final String english;

    CatalogProblem(int status, String german, String english) {
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
