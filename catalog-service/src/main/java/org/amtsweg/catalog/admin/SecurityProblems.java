package org.amtsweg.catalog.admin;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Security failures as RFC 9457 problems. These take precedence over the problem extension's own
 * security mappers, which do not run on this Quarkus version.
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
        return problem(403, "forbidden", "Keine Berechtigung / Forbidden", "Diese Anmeldung darf das nicht.").build();
    }

    private static Response unauthorized() {
        return problem(401, "unauthorized", "Anmeldung erforderlich / Authentication required",
                "Melden Sie sich an; die Anfrage braucht ein gültiges Zugriffstoken.")
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://amtsweg.org/problems/" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type("application/problem+json").entity(body);
    }
}
