package org.amtsweg.identity.client;

import org.amtsweg.resourceserver.problem.ProblemType;

/** The problem types of the client administration ({@code /admin/clients}), listed in {@code META-INF/amtsweg-problem-types}. */
public enum ClientProblem implements ProblemType {

    /** The client id is registered already (configured, or at run time). */
    @Definition(status = 409, german = "Client-ID vergeben", english = "Client id taken")
    CLIENT_ID_TAKEN
}
