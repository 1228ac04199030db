package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.identity.client.ClientCredentials;
import org.amtsweg.identity.client.RegisteredClients;

/**
 * Token revocation (RFC 7009): a refresh token revokes its whole family, an access token its own id; only
 * the client the token was issued to can revoke it.
 * Unknown or foreign tokens are answered with 200 as well, so the endpoint reveals nothing.
 */
@Path("/revoke")
public class RevocationResource {

    private final RegisteredClients clients;
    private final TokenVerifier verifier;
    private final TokenStore store;

    public RevocationResource(RegisteredClients clients, TokenVerifier verifier, TokenStore store) {
        this.clients = clients;
        this.verifier = verifier;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(
            @FormParam("token") String token,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @HeaderParam("Authorization") String authorization,
            @Context HttpServerRequest http) {
        ClientCredentials credentials = ClientCredentials.from(authorization, clientId, clientSecret);
        return clients.authenticate(
                        credentials.clientId(),
                        credentials.secret(),
                        http.remoteAddress().hostAddress())
                .chain(authenticated -> revoke(authenticated.id(), token));
    }

    private Uni<Response> revoke(String client, String token) {
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is missing");
        }
        var claims = verifier.verify(token);
        Uni<Void> revoked = claims.isPresent()
                ? (client.equals(claims.get().getClaim("client_id"))
                        ? store.revokeAccessToken(
                                claims.get().getJWTID(),
                                claims.get().getExpirationTime().toInstant())
                        : Uni.createFrom().voidItem())
                : store.revokeByRefreshToken(token, client);
        return revoked.replaceWith(
                Response.ok().header("Cache-Control", "no-store").build());
    }
}
