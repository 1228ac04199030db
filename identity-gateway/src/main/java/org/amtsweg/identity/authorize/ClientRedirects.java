package org.amtsweg.identity.authorize;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.session.LoginSession;
import org.amtsweg.identity.token.TokenStore;
import org.jboss.logging.Logger;

/** The two ways a login ends at the client's (verified) redirect URI: with a code, or with an error. */
@ApplicationScoped
public class ClientRedirects {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final IdentityConfig config;
    private final TokenStore store;

    public ClientRedirects(IdentityConfig config, TokenStore store) {
        this.config = config;
        this.store = store;
    }

    /** Issues the code and sends the browser back, setting the session cookie of a new session. */
    public Uni<Response> code(AuthorizationRequest request, LoginSession session, String newCookie) {
        return store.issueCode(
                        request.clientId(),
                        session.sid(),
                        request.scope(),
                        request.redirectUri(),
                        request.nonce(),
                        request.codeChallenge())
                .map(code -> {
                    AUDIT.infof(
                            "authorization code issued: client=%s sid=%s acr=%s",
                            request.clientId(),
                            session.sid(),
                            session.method().trustLevel().acr());
                    Map<String, String> parameters = new LinkedHashMap<>();
                    parameters.put("code", code);
                    parameters.put("state", request.state());
                    parameters.put("iss", config.issuer());
                    Response.ResponseBuilder response =
                            Pages.redirect(RedirectUris.withParameters(request.redirectUri(), parameters));
                    if (newCookie != null) {
                        response.cookie(new NewCookie.Builder(AuthorizeResource.SESSION_COOKIE)
                                .value(newCookie)
                                .path("/")
                                .httpOnly(true)
                                .secure(config.secureCookies())
                                .sameSite(NewCookie.SameSite.LAX)
                                .build());
                    }
                    return response.build();
                });
    }

    /** An RFC 6749 §4.1.2.1 error response, with the state and (RFC 9207) the issuer. */
    public Uni<Response> error(String redirectUri, String state, String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        parameters.put("iss", config.issuer());
        return Uni.createFrom()
                .item(Pages.redirect(RedirectUris.withParameters(redirectUri, parameters))
                        .build());
    }
}
