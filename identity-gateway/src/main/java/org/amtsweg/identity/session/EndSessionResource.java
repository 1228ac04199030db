package org.amtsweg.identity.session;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.authorize.Pages;
import org.amtsweg.identity.authorize.RedirectUris;
import org.amtsweg.identity.token.TokenStore;
import org.amtsweg.identity.token.TokenVerifier;
import org.jboss.logging.Logger;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): ends the session, revokes every token
 * issued in it, and sends the browser back only to an address the client registered for that.
 */
@Path("/end-session")
public class EndSessionResource {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");
    private static final String SESSION_COOKIE = "amtsweg_session";

    private final IdentityConfig config;
    private final TokenVerifier verifier;
    private final TokenStore store;
    private final Template message;

    public EndSessionResource(
            IdentityConfig config,
            TokenVerifier verifier,
            TokenStore store,
            @Location("message.html") Template message) {
        this.config = config;
        this.verifier = verifier;
        this.store = store;
        this.message = message;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> endSession(
            @QueryParam("id_token_hint") String idTokenHint,
            @QueryParam("client_id") String clientId,
            @QueryParam("post_logout_redirect_uri") String postLogoutRedirectUri,
            @QueryParam("state") String state,
            @CookieParam(SESSION_COOKIE) String sessionCookie) {
        Optional<JWTClaimsSet> hint = idTokenHint == null ? Optional.empty() : verifier.verify(idTokenHint, true);
        if (idTokenHint != null && hint.isEmpty()) {
            return page(400, "Abmeldung nicht möglich", "Der Hinweis der Anwendung auf Ihre Anmeldung ist ungültig.");
        }
        String client = hint.map(claims -> claims.getAudience().isEmpty()
                        ? null
                        : claims.getAudience().get(0))
                .orElse(clientId);
        if (postLogoutRedirectUri != null) {
            IdentityConfig.Client registered =
                    client == null ? null : config.clients().get(client);
            if (registered == null
                    || !registered.postLogoutRedirectUris().orElse(List.of()).contains(postLogoutRedirectUri)) {
                return page(
                        400,
                        "Abmeldung nicht möglich",
                        "Die Anwendung hat eine nicht registrierte Rücksprungadresse angegeben.");
            }
        }
        Uni<Optional<String>> sid = hint.map(claims -> claims.getClaim("sid"))
                .<Uni<Optional<String>>>map(value -> Uni.createFrom().item(Optional.of(value.toString())))
                .orElseGet(() -> store.sessionOfCookie(sessionCookie).map(session -> session.map(LoginSession::sid)));
        return sid.chain(found -> found.map(store::endSession)
                .orElse(Uni.createFrom().voidItem())
                .map(ignored -> {
                    found.ifPresent(value -> AUDIT.infof("session ended: sid=%s client=%s", value, client));
                    NewCookie expired = new NewCookie.Builder(SESSION_COOKIE)
                            .value("")
                            .path("/")
                            .maxAge(0)
                            .httpOnly(true)
                            .secure(config.secureCookies())
                            .sameSite(NewCookie.SameSite.LAX)
                            .build();
                    if (postLogoutRedirectUri != null) {
                        Map<String, String> parameters = new LinkedHashMap<>();
                        parameters.put("state", state);
                        return Pages.redirect(RedirectUris.withParameters(postLogoutRedirectUri, parameters))
                                .cookie(expired)
                                .build();
                    }
                    Response page = Pages.html(
                            200,
                            message.data("title", "Sie sind abgemeldet")
                                    .data("text", "Ihre Anmeldung ist beendet. Sie können dieses Fenster schließen.")
                                    .render(),
                            null);
                    return Response.fromResponse(page).cookie(expired).build();
                }));
    }

    private Uni<Response> page(int status, String title, String text) {
        return Uni.createFrom()
                .item(Pages.html(
                        status, message.data("title", title).data("text", text).render(), null));
    }
}
