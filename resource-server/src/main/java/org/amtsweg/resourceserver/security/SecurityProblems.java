package org.amtsweg.resourceserver.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as RFC 9457 problems, the same in every service, ahead of the problem extension's own
 * security mappers (its {@code ForbiddenException} mapper answered every {@code @RolesAllowed} refusal as
 * {@code about:blank}).
 */
public class SecurityProblems {

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unauthenticated(AuthenticationFailedException failure) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unauthenticated(UnauthorizedException failure) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response forbidden(ForbiddenException failure) {
        return forbidden().toResponse();
    }

    /** The one 403 of a login that may not do what it asked. */
    public static Problem forbidden() {
        return PlatformProblem.FORBIDDEN.problem("Diese Anmeldung darf das nicht.");
    }

    /** The one 401: no token, or one that is not (or no longer) valid. */
    public static Problem unauthenticated() {
        return PlatformProblem.UNAUTHORIZED
                .problem("Melden Sie sich an; die Anfrage braucht ein gültiges Zugriffstoken.")
                .header("WWW-Authenticate", "Bearer");
    }

    private static Response unauthorized() {
        return unauthenticated().toResponse();
    }
}
