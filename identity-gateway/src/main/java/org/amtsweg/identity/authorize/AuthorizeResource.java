package org.amtsweg.identity.authorize;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.assurance.TrustLevel;
import org.amtsweg.identity.citizen.TestIdentityCards;
import org.amtsweg.identity.federation.UpstreamProvider;
import org.amtsweg.identity.session.Logins;
import org.amtsweg.identity.throttle.AuthThrottle;
import org.amtsweg.identity.token.OpaqueTokens;
import org.amtsweg.identity.token.TokenStore;
import org.jboss.logging.Logger;

/**
 * The authorization endpoint (OpenID Connect code flow with PKCE) and its login page. Until the
 * client and its redirect URI are verified, errors are shown here and never redirected anywhere:
 * an unverified redirect URI is an open redirect.
 */
@Path("/authorize")
public class AuthorizeResource {

    static final String SESSION_COOKIE = "amtsweg_session";
    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    private final IdentityConfig config;
    private final AuthorizationRequests requests;
    private final TokenStore store;
    private final ClientRedirects redirects;
    private final Logins logins;
    private final AuthThrottle throttle;
    private final TestIdentityCards cards;
    private final UpstreamProvider upstream;
    private final BrowserBinding binding;
    private final Template login;
    private final Template message;

    public AuthorizeResource(
            IdentityConfig config,
            AuthorizationRequests requests,
            TokenStore store,
            ClientRedirects redirects,
            Logins logins,
            AuthThrottle throttle,
            TestIdentityCards cards,
            UpstreamProvider upstream,
            BrowserBinding binding,
            @Location("login.html") Template login,
            @Location("message.html") Template message) {
        this.config = config;
        this.requests = requests;
        this.store = store;
        this.redirects = redirects;
        this.logins = logins;
        this.throttle = throttle;
        this.cards = cards;
        this.upstream = upstream;
        this.binding = binding;
        this.login = login;
        this.message = message;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> authorize(
            @QueryParam("response_type") String responseType,
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("scope") String scope,
            @QueryParam("state") String state,
            @QueryParam("nonce") String nonce,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String codeChallengeMethod,
            @QueryParam("acr_values") String acrValues,
            @QueryParam("prompt") String prompt,
            @CookieParam(SESSION_COOKIE) String sessionCookie,
            @CookieParam(BrowserBinding.COOKIE) String loginCookie) {
        IdentityConfig.Client client =
                clientId == null ? null : config.clients().get(clientId);
        if (client == null) {
            return page(
                    400,
                    "Unbekannte Anwendung",
                    "Die Anwendung, die Sie hierher geschickt hat, ist nicht registriert.");
        }
        if (redirectUri == null || !client.redirectUris().orElse(List.of()).contains(redirectUri)) {
            return page(
                    400,
                    "Ungültige Rücksprungadresse",
                    "Die Anwendung hat eine nicht registrierte Rücksprungadresse angegeben.");
        }
        // From here on the redirect URI is the client's own: errors go back to it (RFC 6749 §4.1.2.1).
        if (!"code".equals(responseType)) {
            return redirects.error(
                    redirectUri, state, "unsupported_response_type", "only response_type=code is supported");
        }
        if (!client.grants().contains("authorization_code")) {
            return redirects.error(redirectUri, state, "unauthorized_client", "this client may not use the code flow");
        }
        List<String> scopes = scope == null
                ? List.of()
                : Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
        if (!scopes.contains("openid")) {
            return redirects.error(redirectUri, state, "invalid_scope", "scope must contain openid");
        }
        if (!client.scopes().containsAll(scopes)) {
            return redirects.error(redirectUri, state, "invalid_scope", "scope not allowed for this client");
        }
        if (codeChallenge == null || !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
            return redirects.error(
                    redirectUri,
                    state,
                    "invalid_request",
                    "PKCE is required: code_challenge (S256) is missing or malformed");
        }
        if (!"S256".equals(codeChallengeMethod)) {
            return redirects.error(
                    redirectUri, state, "invalid_request", "code_challenge_method must be S256; plain is not accepted");
        }
        Optional<TrustLevel> minimum =
                acrValues == null || acrValues.isBlank() ? Optional.of(TrustLevel.LOW) : minimum(acrValues);
        if (minimum.isEmpty()) {
            return redirects.error(redirectUri, state, "invalid_request", "acr_values names an unknown level");
        }
        String browser = binding.valueFor(loginCookie);
        AuthorizationRequest request = new AuthorizationRequest(
                OpaqueTokens.random(),
                clientId,
                redirectUri,
                String.join(" ", scopes),
                state,
                nonce,
                codeChallenge,
                minimum.get(),
                OpaqueTokens.random(),
                BrowserBinding.hash(browser));
        boolean forceLogin = prompt != null && Arrays.asList(prompt.split(" ")).contains("login");
        return store.sessionOfCookie(forceLogin ? null : sessionCookie).chain(session -> {
            if (session.isPresent() && session.get().method().trustLevel().satisfies(request.minimum())) {
                // Single sign-on: the running session already proves enough.
                return redirects.code(request, session.get(), null);
            }
            if (prompt != null && prompt.contains("none")) {
                return redirects.error(redirectUri, state, "login_required", "no session that satisfies the request");
            }
            Response page = loginPage(200, request, null);
            return requests.save(request)
                    .replaceWith(Response.fromResponse(page)
                            .cookie(binding.cookie(browser))
                            .build());
        });
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> login(
            @FormParam("request") String requestId,
            @FormParam("csrf") String csrf,
            @FormParam("method") String method,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @CookieParam(BrowserBinding.COOKIE) String loginCookie,
            @Context HttpServerRequest http) {
        if (requestId == null) {
            return page(400, "Anmeldung nicht möglich", "Das Formular ist unvollständig.");
        }
        return requests.find(requestId).chain(found -> {
            if (found.isEmpty()) {
                return page(
                        400,
                        "Anmeldung abgelaufen",
                        "Die Anmeldung hat zu lange gedauert. Bitte kehren Sie zur Anwendung zurück und beginnen Sie erneut.");
            }
            AuthorizationRequest request = found.get();
            if (!BrowserBinding.genuineForm(request, csrf, loginCookie)) {
                AUDIT.warnf(
                        "login form refused: wrong CSRF token or another browser's (or no) login cookie, client=%s",
                        request.clientId());
                return page(
                        403,
                        "Anmeldung nicht möglich",
                        "Das Formular stammt nicht von der Anmeldeseite, die in diesem Browser geöffnet wurde. "
                                + "Bitte kehren Sie zur Anwendung zurück und beginnen Sie die Anmeldung erneut (Cookies müssen für diese Seite erlaubt sein).");
            }
            Optional<LoginMethod> loginMethod = LoginMethod.fromCode(String.valueOf(method));
            if (loginMethod.isEmpty() || username == null || password == null) {
                return Uni.createFrom()
                        .item(loginPage(
                                400, request, "Bitte wählen Sie ein Anmeldeverfahren und füllen Sie alle Felder aus."));
            }
            String address = http.remoteAddress().hostAddress();
            return throttle.loginWait(username, address).chain(wait -> {
                if (wait.isPresent()) {
                    // Refused unchecked, even with the right password: a guesser learns nothing while the account
                    // waits.
                    AUDIT.warnf("login refused while throttled: client=%s", request.clientId());
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    return Uni.createFrom()
                            .item(Response.fromResponse(loginPage(
                                            429,
                                            request,
                                            "Zu viele fehlgeschlagene Anmeldungen für dieses Konto. Bitte warten Sie "
                                                    + waitText(seconds) + " und versuchen Sie es dann erneut."))
                                    .header("Retry-After", seconds)
                                    .build());
                }
                return logins.authenticate(loginMethod.get(), username, password)
                        .chain(session -> {
                            if (session.isEmpty()) {
                                AUDIT.infof(
                                        "login refused: client=%s method=%s",
                                        request.clientId(), loginMethod.get().code());
                                return throttle.loginFailed(username, address)
                                        .replaceWith(loginPage(401, request, "Die Anmeldedaten sind nicht korrekt."));
                            }
                            if (!session.get().method().trustLevel().satisfies(request.minimum())) {
                                AUDIT.infof(
                                        "login below the requested trust level refused back to client=%s",
                                        request.clientId());
                                return throttle.loginSucceeded(username)
                                        .chain(() -> requests.complete(request.id()))
                                        .replaceWith(redirects.error(
                                                request.redirectUri(),
                                                request.state(),
                                                "unmet_authentication_requirements",
                                                "the login gives trust level "
                                                        + session.get()
                                                                .method()
                                                                .trustLevel()
                                                                .acr() + ", "
                                                        + request.minimum().acr() + " is required"));
                            }
                            return throttle.loginSucceeded(username)
                                    .chain(() -> store.startSession(session.get()))
                                    .chain(cookie -> requests.complete(request.id())
                                            .chain(first -> first
                                                    ? redirects.code(request, session.get(), cookie)
                                                    : page(
                                                            400,
                                                            "Anmeldung bereits abgeschlossen",
                                                            "Diese Anmeldung wurde schon verwendet.")));
                        });
            });
        });
    }

    Response loginPage(int status, AuthorizationRequest request, String error) {
        TrustLevel minimum = request.minimum();
        String body = login.data("clientName", request.clientId())
                .data("minimum", minimum.acr())
                .data(
                        "minimumLabel",
                        switch (minimum) {
                            case LOW -> "niedrig";
                            case SUBSTANTIAL -> "substanziell";
                            case HIGH -> "hoch";
                        })
                .data("error", error)
                .data("simulator", config.testIdentities().enabled())
                .data("cards", cards.all())
                .data("requestId", request.id())
                .data("csrf", request.csrfToken())
                .data("eidAllowed", LoginMethod.EID.trustLevel().satisfies(minimum))
                .data("elsterAllowed", LoginMethod.ELSTER.trustLevel().satisfies(minimum))
                .data("passwordAllowed", LoginMethod.PASSWORD.trustLevel().satisfies(minimum))
                .data("upstream", upstream.enabled())
                .data("upstreamName", upstream.displayName())
                .render();
        return Pages.html(status, body, request.redirectUri());
    }

    private Uni<Response> page(int status, String title, String text) {
        return Uni.createFrom()
                .item(Pages.html(
                        status, message.data("title", title).data("text", text).render(), null));
    }

    private static String waitText(long seconds) {
        if (seconds < 120) {
            return seconds == 1 ? "eine Sekunde" : seconds + " Sekunden";
        }
        return ((seconds + 59) / 60) + " Minuten";
    }

    private static Optional<TrustLevel> minimum(String acrValues) {
        Optional<TrustLevel> lowest = Optional.empty();
        for (String value : acrValues.trim().split("\\s+")) {
            Optional<TrustLevel> level = TrustLevel.fromAcr(value).or(() -> TrustLevel.fromStorkQaa(value));
            if (level.isEmpty()) {
                return Optional.empty();
            }
            if (lowest.isEmpty() || level.get().compareTo(lowest.get()) < 0) {
                lowest = level;
            }
        }
        return lowest;
    }
}
