package org.amtsweg.identity.federation;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.authorize.AuthorizationRequest;
import org.amtsweg.identity.authorize.AuthorizationRequests;
import org.amtsweg.identity.authorize.BrowserBinding;
import org.amtsweg.identity.authorize.ClientRedirects;
import org.amtsweg.identity.authorize.Pages;
import org.amtsweg.identity.session.LoginSession;
import org.amtsweg.identity.token.OpaqueTokens;
import org.amtsweg.identity.token.TokenStore;
import org.jboss.logging.Logger;

/**
 * Login by delegation: the login page's "BundID" button sends the browser to the upstream provider
 * (code flow with PKCE, our own state and nonce), its callback turns the upstream's verified ID token
 * into a session here. Its trust level comes from the upstream's {@code acr}, in our spelling or as
 * BundID's STORK-QAA level.
 */
@Path("/authorize/upstream")
public class FederationResource {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");
    private static final List<String> RELEASED = List.of(
            "given_name", "family_name", "birthdate", "address", "municipality", "nationality", "place_of_birth");

    private final UpstreamProvider upstream;
    private final AuthorizationRequests requests;
    private final ClientRedirects redirects;
    private final TokenStore store;
    private final Pool pool;
    private final Template message;

    public FederationResource(
            UpstreamProvider upstream,
            AuthorizationRequests requests,
            ClientRedirects redirects,
            TokenStore store,
            Pool pool,
            @Location("message.html") Template message) {
        this.upstream = upstream;
        this.requests = requests;
        this.redirects = redirects;
        this.store = store;
        this.pool = pool;
        this.message = message;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> start(
            @FormParam("request") String requestId,
            @FormParam("csrf") String csrf,
            @CookieParam(BrowserBinding.COOKIE) String loginCookie) {
        if (!upstream.enabled() || requestId == null) {
            return page(
                    404,
                    "Anmeldung nicht möglich",
                    "Die Anmeldung über einen anderen Anbieter ist hier nicht eingerichtet.");
        }
        return requests.find(requestId).chain(found -> {
            if (found.isEmpty()) {
                return page(
                        400, "Anmeldung abgelaufen", "Bitte kehren Sie zur Anwendung zurück und beginnen Sie erneut.");
            }
            AuthorizationRequest request = found.get();
            if (!BrowserBinding.genuineForm(request, csrf, loginCookie)) {
                AUDIT.warnf(
                        "upstream login form refused: wrong CSRF token or another browser's (or no) login cookie, client=%s",
                        request.clientId());
                return page(
                        403,
                        "Anmeldung nicht möglich",
                        "Das Formular stammt nicht von der Anmeldeseite, die in diesem Browser geöffnet wurde.");
            }
            String state = OpaqueTokens.random();
            String nonce = OpaqueTokens.random();
            String verifier = OpaqueTokens.random() + OpaqueTokens.random();
            return pool.preparedQuery(
                            "INSERT INTO upstream_login (state, request_id, verifier, nonce, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(state, request.id(), verifier, nonce, OffsetDateTime.now(ZoneOffset.UTC)))
                    .chain(() -> upstream.authorizationRedirect(
                            state,
                            nonce,
                            OpaqueTokens.s256Challenge(verifier),
                            request.minimum().acr()))
                    .map(target -> Pages.redirect(target).build());
        });
    }

    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> callback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(BrowserBinding.COOKIE) String loginCookie) {
        if (state == null) {
            return page(400, "Anmeldung nicht möglich", "Die Antwort des Anbieters ist unvollständig.");
        }
        return pool.preparedQuery(
                        "DELETE FROM upstream_login WHERE state = $1 AND created_at > now() - interval '15 minutes' RETURNING request_id, verifier, nonce")
                .execute(Tuple.of(state))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return page(
                                400,
                                "Anmeldung abgelaufen",
                                "Diese Antwort des Anbieters ist unbekannt oder wurde schon verwendet.");
                    }
                    var row = rows.iterator().next();
                    return requests.find(row.getString("request_id")).chain(found -> {
                        if (found.isEmpty()) {
                            return page(
                                    400,
                                    "Anmeldung abgelaufen",
                                    "Bitte kehren Sie zur Anwendung zurück und beginnen Sie erneut.");
                        }
                        AuthorizationRequest request = found.get();
                        if (!BrowserBinding.sameBrowser(request, loginCookie)) {
                            // Someone else's upstream login, sent to this browser: completing it would log this browser
                            // into that person's account (login CSRF through the callback).
                            AUDIT.warnf(
                                    "upstream callback refused: another browser's (or no) login cookie, client=%s",
                                    request.clientId());
                            return page(
                                    403,
                                    "Anmeldung nicht möglich",
                                    "Diese Antwort des Anbieters gehört zu einer Anmeldung, "
                                            + "die nicht in diesem Browser begonnen wurde.");
                        }
                        if (error != null || code == null) {
                            return requests.complete(request.id())
                                    .chain(() -> redirects.error(
                                            request.redirectUri(),
                                            request.state(),
                                            "access_denied",
                                            "the login at " + upstream.displayName() + " did not succeed"));
                        }
                        return upstream.exchange(code, row.getString("verifier"), row.getString("nonce"))
                                .chain(claims -> complete(request, claims))
                                .onFailure(UpstreamProvider.UpstreamFailure.class)
                                .recoverWithUni(failure -> {
                                    AUDIT.warnf(
                                            "federated login failed: client=%s reason=%s",
                                            request.clientId(), failure.getMessage());
                                    return requests.complete(request.id())
                                            .chain(() -> redirects.error(
                                                    request.redirectUri(),
                                                    request.state(),
                                                    "server_error",
                                                    "the upstream provider's answer could not be verified"));
                                });
                    });
                });
    }

    private Uni<Response> complete(AuthorizationRequest request, JWTClaimsSet claims) {
        TrustLevel level = TrustLevel.fromAcr(String.valueOf(claims.getClaim("acr")))
                .or(() -> TrustLevel.fromStorkQaa(String.valueOf(claims.getClaim("acr"))))
                .orElse(TrustLevel.LOW);
        if (!level.satisfies(request.minimum())) {
            return requests.complete(request.id())
                    .chain(() -> redirects.error(
                            request.redirectUri(),
                            request.state(),
                            "unmet_authentication_requirements",
                            "the upstream login gives trust level " + level.acr() + ", "
                                    + request.minimum().acr() + " is required"));
        }
        Map<String, Object> released = new LinkedHashMap<>();
        for (String name : RELEASED) {
            if (claims.getClaim(name) != null) {
                released.put(name, claims.getClaim(name));
            }
        }
        LoginMethod method = switch (level) {
            case HIGH -> LoginMethod.EID;
            case SUBSTANTIAL -> LoginMethod.ELSTER;
            case LOW -> LoginMethod.PASSWORD;
        };
        LoginSession session = new LoginSession(
                OpaqueTokens.random(),
                "federated",
                claims.getIssuer() + "|" + claims.getSubject(),
                method,
                Instant.now(),
                new JsonObject(released).encode());
        AUDIT.infof("federated login: client=%s acr=%s", request.clientId(), level.acr());
        return store.startSession(session)
                .chain(cookie -> requests.complete(request.id()).chain(() -> redirects.code(request, session, cookie)));
    }

    private Uni<Response> page(int status, String title, String text) {
        return Uni.createFrom()
                .item(Pages.html(
                        status, message.data("title", title).data("text", text).render(), null));
    }
}
