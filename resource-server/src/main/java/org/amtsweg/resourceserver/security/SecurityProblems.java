package org.amtsweg.resourceserver.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.amtsweg.resourceserver.problem.ProblemResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as RFC 9457 problems, the same in every service. These take precedence over the
 * problem extension's own security mappers, which do not run on this Quarkus version.
 */
public class SecurityProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthenticated(AuthenticationFailedException failure) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthenticated(UnauthorizedException failure) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException failure) {
        return ProblemResponse.of(403, "forbidden", "Keine Berechtigung / Forbidden", "Diese Anmeldung darf das nicht.").build();
    }

    private static Response unauthorized() {
        return ProblemResponse.of(401, "unauthorized", "Anmeldung erforderlich / Authentication required",
                        "Melden Sie sich an; die Anfrage braucht ein gültiges Zugriffstoken.")
                .header("WWW-Authenticate", "Bearer")
                .build();
    }
}
