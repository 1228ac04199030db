package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amtsweg.identity.client.ClientCredentials;

/** The OAuth 2.0 token endpoint (RFC 6749 §3.2). */
@Path("/token")
public class TokenResource {

    private final TokenGrants grants;

    public TokenResource(TokenGrants grants) {
        this.grants = grants;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(
            MultivaluedMap<String, String> form,
            @HeaderParam("Authorization") String authorization,
            @Context HttpServerRequest request) {
        ClientCredentials credentials =
                ClientCredentials.from(authorization, form.getFirst("client_id"), form.getFirst("client_secret"));
        return grants.grant(
                        form.getFirst("grant_type"),
                        credentials,
                        form,
                        request.remoteAddress().hostAddress())
                .map(issued -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", issued.value());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", issued.expiresIn());
                    body.put("scope", String.join(" ", issued.scopes()));
                    if (issued.idToken() != null) {
                        body.put("id_token", issued.idToken());
                    }
                    if (issued.refreshToken() != null) {
                        body.put("refresh_token", issued.refreshToken());
                    }
                    return Response.ok(body)
                            .header("Cache-Control", "no-store")
                            .header("Pragma", "no-cache")
                            .build();
                });
    }
}
