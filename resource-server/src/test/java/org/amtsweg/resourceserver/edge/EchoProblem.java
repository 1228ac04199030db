package org.amtsweg.resourceserver.edge;

import org.amtsweg.resourceserver.problem.ProblemType;

/** The test application's own domain type, listed as a service lists its own. */
public enum EchoProblem implements ProblemType {
    @Definition(status = 409, german = "Echo abgelehnt", english = "Echo refused")
    ECHO_REFUSED
}
