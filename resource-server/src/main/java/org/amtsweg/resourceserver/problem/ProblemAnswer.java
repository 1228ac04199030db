package org.amtsweg.resourceserver.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A {@link Problem} thrown anywhere below a resource, answered as what it says; and any other exception
 * nothing else maps (the problem extension's catch-all is for {@code Exception}), answered {@code 500 internal-error} (a defect: logged with its stack trace, named to nobody), not
 * as the problem extension's {@code about:blank}.
 */
public class ProblemAnswer {

    private static final Logger LOG = Logger.getLogger(ProblemAnswer.class);

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response answer(Problem problem) {
        return problem.toResponse();
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unexpected(Exception failure) {
        LOG.error("request failed", failure);
        return PlatformProblem.internalError().toResponse();
    }
}
