package org.amtsweg.identity.token;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes {@link OAuthError}s as RFC 6749 error responses. */
public class OAuthErrorMapper {

    @ServerExceptionMapper
    public Response map(OAuthError error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", error.error(), "error_description", error.getMessage()));
        if (error.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"amtsweg\"");
        }
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }
}
