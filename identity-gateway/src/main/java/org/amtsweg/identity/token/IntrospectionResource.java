package org.amtsweg.identity.token;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.identity.client.ClientCredentials;
import org.amtsweg.identity.client.RegisteredClient;
import org.amtsweg.identity.client.RegisteredClients;

/**
 * Token introspection (RFC 7662) for confidential clients: is this access or refresh token active, and
 * for whom? The claims only for a client the token is meant for (see {@link #mayRead}).
 */
@Path("/introspect")
public class IntrospectionResource {

    private final RegisteredClients clients;
    private final TokenVerifier verifier;
    private final TokenStore store;

    public IntrospectionResource(RegisteredClients clients, TokenVerifier verifier, TokenStore store) {
        this.clients = clients;
        this.verifier = verifier;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> introspect(
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
                .chain(client -> introspect(client, token));
    }

    private Uni<Map<String, Object>> introspect(RegisteredClient client, String token) {
        if (client.settings().publicClient()) {
            throw OAuthError.unauthorizedClient("introspection is for confidential clients");
        }
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is missing");
        }
        var claims = verifier.verify(token);
        if (claims.isPresent()) {
            return store.accessTokenRevoked(claims.get().getJWTID()).map(revoked -> {
                if (revoked) {
                    return inactive();
                }
                if (!mayRead(
                        client,
                        claims.get().getAudience(),
                        String.valueOf(claims.get().getClaim("client_id")))) {
                    return activeOnly();
                }
                Map<String, Object> body = new LinkedHashMap<>(claims.get().toJSONObject());
                body.put("active", true);
                body.put("token_type", "access_token");
                return body;
            });
        }
        return store.activeRefreshToken(token).map(grant -> {
            if (grant.isEmpty()) {
                return inactive();
            }
            if (!mayRead(client, List.of(), grant.get().clientId())) {
                return activeOnly();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("active", true);
            body.put("token_type", "refresh_token");
            body.put("client_id", grant.get().clientId());
            body.put("scope", grant.get().scope());
            body.put("sid", grant.get().session().sid());
            return body;
        });
    }

    /**
     * A token's claims (a citizen's name, birth date, address) are for the services it was issued for:
     * its audiences, the client it was issued to, and clients with the explicit introspection right.
     */
    private static boolean mayRead(RegisteredClient client, List<String> audiences, String issuedTo) {
        return client.settings().introspection() || client.id().equals(issuedTo) || audiences.contains(client.id());
    }

    /** RFC 7662 §2.2 requires only {@code active}; a client that may not read the token learns nothing else. */
    private static Map<String, Object> activeOnly() {
        return Map.of("active", true);
    }

    private static Map<String, Object> inactive() {
        return Map.of("active", false);
    }
}
