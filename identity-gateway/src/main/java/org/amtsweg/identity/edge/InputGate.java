package org.amtsweg.identity.edge;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amtsweg.identity.GatewayProblem;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.authorize.Pages;
import org.amtsweg.resourceserver.input.PlainText;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * What the gateway refuses before any endpoint sees a request, answered in the endpoint's own form
 * ({@link EndpointKind}):
 * <ul>
 *     <li>a cross-site post to one of its pages (login CSRF: a foreign page posting its own login form
 *     into the victim's browser) — 403;</li>
 *     <li>a form body or query string that cannot be decoded ({@code %zz}) — 400; the framework's decoders
 *     threw here, which gave a 500 for map-typed forms and no answer at all for named form fields;</li>
 *     <li>a parameter that breaks the platform's text rule ({@link PlainText}: a NUL reached PostgreSQL and
 *     came back as a 500) — 400 naming the parameter.</li>
 * </ul>
 * Form bodies are read here in full (within the service's body limit) and decoded once, strictly; the
 * endpoints get the parameters from that reading.
 */
@Singleton
public class InputGate {

    private static final Logger LOG = Logger.getLogger(InputGate.class);
    private static final String FORM_READ = InputGate.class.getName() + ".form";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final IdentityConfig config;
    private final Template message;

    public InputGate(IdentityConfig config, @Location("message.html") Template message) {
        this.config = config;
        this.message = message;
    }

    void register(@Observes Router router) {
        long limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(10L * 1024 * 1024);
        BodyHandler forms = BodyHandler.create(false).setBodyLimit(limit);
        // After the shared library's edge (nosniff, body limit), before any endpoint.
        router.route().order(Integer.MIN_VALUE + 10).handler(context -> {
            EndpointKind kind = EndpointKind.of(context.normalizedPath());
            HttpServerRequest request = context.request();
            if (kind == EndpointKind.PAGE && request.method() == HttpMethod.POST && isCrossSite(request)) {
                LOG.warnf(
                        "cross-site post to %s refused (Origin %s, Sec-Fetch-Site %s)",
                        context.normalizedPath(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
                refuse(
                        context,
                        kind,
                        GatewayProblem.CROSS_SITE,
                        "Anmeldung nicht möglich",
                        "Dieses Formular wurde von einer fremden Seite abgeschickt. Bitte melden Sie sich nur über die Seiten des Nutzerkontos an.");
                return;
            }
            if (!mediaTypesReadable(request)) {
                refuse(
                        context,
                        kind,
                        GatewayProblem.MALFORMED_HEADER,
                        "Anfrage nicht lesbar",
                        "Die Kopfzeile Accept oder Content-Type der Anfrage ist kein gültiger Medientyp.");
                return;
            }
            String query = request.query();
            if (query != null && !query.isEmpty() && !acceptable(context, kind, decodeForm(query))) {
                return;
            }
            if (isForm(request)) {
                context.put(FORM_READ, Boolean.TRUE);
                forms.handle(context);
                // The HTTP layer's form decoder fails the request on a field above the form attribute limit;
                // answered here in the endpoint's own form (the framework would answer an empty 400).
                request.exceptionHandler(failure -> {
                    if (!context.response().ended()) {
                        LOG.debugf("form body of %s unreadable: %s", context.normalizedPath(), failure.getMessage());
                        refuse(
                                context,
                                kind,
                                GatewayProblem.UNREADABLE_FORM,
                                "Eingabe nicht lesbar",
                                "Das Formular enthält eine ungültige Prozent-Kodierung oder ein Feld, das länger ist, als dieser Dienst annimmt.");
                    }
                });
                return;
            }
            context.next();
        });
        // Once the form body is read: it is decoded strictly (the framework's lenient first reading lets %zz
        // through to decoders that then throw), its parameters are checked, then the endpoint runs.
        router.route().order(Integer.MIN_VALUE + 11).handler(context -> {
            if (context.remove(FORM_READ) == null) {
                context.next();
                return;
            }
            if (context.response().ended()) {
                return; // refused while it was read
            }
            EndpointKind kind = EndpointKind.of(context.normalizedPath());
            String body = context.body().available() ? context.body().asString(StandardCharsets.UTF_8.name()) : null;
            if (acceptable(
                    context,
                    kind,
                    body == null || body.isEmpty() ? MultiMap.caseInsensitiveMultiMap() : decodeForm(body))) {
                context.next();
            }
        });
    }

    private boolean acceptable(RoutingContext context, EndpointKind kind, MultiMap parameters) {
        if (parameters == null) {
            refuseUndecodable(context, kind);
            return false;
        }
        for (Map.Entry<String, String> parameter : parameters.entries()) {
            String name = parameter.getKey();
            if (!PlainText.isAcceptable(name)) {
                refuseText(context, kind, null, PlainText.describeForbidden(name));
                return false;
            }
            if (parameter.getValue() != null && !PlainText.isAcceptable(parameter.getValue())) {
                refuseText(context, kind, name, PlainText.describeForbidden(parameter.getValue()));
                return false;
            }
        }
        return true;
    }

    /** The parameters of a query string or form body, or null where its percent-encoding is malformed. */
    private static MultiMap decodeForm(String encoded) {
        try {
            MultiMap decoded = MultiMap.caseInsensitiveMultiMap();
            new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false, Integer.MAX_VALUE)
                    .parameters()
                    .forEach(decoded::add);
            return decoded;
        } catch (IllegalArgumentException undecodable) {
            return null;
        }
    }

    private void refuseUndecodable(RoutingContext context, EndpointKind kind) {
        refuse(
                context,
                kind,
                GatewayProblem.MALFORMED_PARAMETERS,
                "Anfrage nicht lesbar",
                "Die Anfrage enthält eine ungültige Prozent-Kodierung (z. B. %zz) und kann nicht gelesen werden.");
    }

    private void refuseText(RoutingContext context, EndpointKind kind, String parameter, String character) {
        String shown =
                parameter == null ? null : (parameter.length() > 40 ? parameter.substring(0, 40) + "…" : parameter);
        String detail = shown == null
                ? "Ein Parametername enthält ein nicht erlaubtes Zeichen (" + character + ")."
                : "Der Parameter " + shown + " enthält ein nicht erlaubtes Zeichen (" + character + ").";
        if (kind == EndpointKind.OAUTH) {
            oauthError(
                    context,
                    shown == null
                            ? "a parameter name contains a character that is not allowed (" + character + ")"
                            : "the parameter " + shown + " contains a character that is not allowed (" + character
                                    + ")");
        } else if (kind == EndpointKind.PAGE) {
            page(
                    context,
                    400,
                    "Eingabe nicht möglich",
                    detail + " Bitte kehren Sie zur Anmeldeseite zurück und versuchen Sie es erneut.");
        } else {
            PlatformProblem.invalidParameter(shown, detail).send(context.response());
        }
    }

    /** {@code pageTitle}: the heading of the HTML page a browser gets; an API client gets the type's title. */
    private void refuse(
            RoutingContext context, EndpointKind kind, GatewayProblem type, String pageTitle, String detail) {
        if (kind == EndpointKind.OAUTH) {
            oauthError(
                    context,
                    switch (type) {
                        case MALFORMED_PARAMETERS -> "the request's percent-encoding is malformed";
                        case MALFORMED_HEADER -> "the Accept or Content-Type header is not a valid media type";
                        case UNREADABLE_FORM ->
                            "the form's percent-encoding is malformed or a parameter is longer than this endpoint accepts";
                        case CROSS_SITE -> detail;
                    });
        } else if (kind == EndpointKind.PAGE) {
            page(context, type.status(), pageTitle, detail);
        } else {
            type.problem(detail).send(context.response());
        }
    }

    private static void oauthError(RoutingContext context, String description) {
        context.response()
                .setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(Map.of("error", "invalid_request", "error_description", description)));
    }

    private void page(RoutingContext context, int status, String title, String text) {
        var response = context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        Pages.headers(null).forEach(response::putHeader);
        response.end(message.data("title", title).data("text", text).render());
    }

    /**
     * A post that a browser says came from another site: {@code Sec-Fetch-Site} other than
     * {@code same-origin} (or {@code none}), or an {@code Origin} that is neither the gateway's public
     * origin (its issuer) nor the origin the request was sent to. {@code Origin: null} (a sandboxed frame,
     * a data: page) counts as foreign; the gateway's own pages send their real origin. A request without
     * either header (an old browser, a script) passes here; the login forms' browser binding still holds.
     */
    boolean isCrossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.scheme() + "://" + request.getHeader(HttpHeaders.HOST);
        return !origin.equalsIgnoreCase(issuerOrigin()) && !origin.equalsIgnoreCase(own);
    }

    private String issuerOrigin() {
        URI issuer = URI.create(config.issuer());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /**
     * {@code Accept} and {@code Content-Type} as media types: the framework's content negotiation threw on
     * an empty or malformed one (a 500). An empty {@code Accept} says nothing and is dropped, as if absent.
     */
    private static boolean mediaTypesReadable(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.isBlank()) {
            request.headers().remove(HttpHeaders.ACCEPT);
            accept = null;
        }
        try {
            if (accept != null) {
                for (String range : accept.split(",")) {
                    if (!range.isBlank()) {
                        MediaType.valueOf(range.trim());
                    }
                }
            }
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null) {
                MediaType.valueOf(type.trim());
            }
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null
                && type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length())
                && List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH).contains(request.method());
    }
}
