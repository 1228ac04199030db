package org.amtsweg.resourceserver.edge;

import org.amtsweg.resourceserver.problem.ProblemCatalog;
import org.amtsweg.resourceserver.problem.ProblemType;

import java.util.Collection;
import java.util.List;

/** The test application's own domain type, registered as a service registers its own. */
public enum EchoProblem implements ProblemType {
    ECHO_REFUSED;

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String german() {
        return "Echo abgelehnt";
    }

    @Override
    public String english() {
        return "Echo refused";
    }

    public static final class Catalog implements ProblemCatalog {
        @Override
        public Collection<? extends ProblemType> types() {
            return List.of(values());
        }
    }
}
