package org.amtsweg.portal.login;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.amtsweg.portal.PortalConfig;
import org.amtsweg.portal.branding.Frame;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Step-up login (Höherstufung): {@code /anmelden?niveau=high&zurueck=/antraege/neu?leistung=ummeldung} makes sure
 * the citizen's login has at least that trust level and then returns her to the page. Behind the login itself, so
 * that a visitor without a session logs in first; a session below the level is ended here (the portal's, not the
 * gateway's) and the same address asked again, which starts a new login whose {@code acr_values} name the level
 * ({@link AcrValues}): the gateway then offers only the methods that reach it.
 */
@Path(StepUp.PATH)
public class StepUp {

    static final String PATH = "/anmelden";
    /** Marks the second visit, after the new login: a login still below the level is said, never looped. */
    private static final String AGAIN = "erneut";

    private final SecurityIdentity identity;
    private final OidcSession session;
    private final PortalConfig config;
    private final Template message;

    public StepUp(
            SecurityIdentity identity,
            OidcSession session,
            PortalConfig config,
            @Location("message.html") Template message) {
        this.identity = identity;
        this.session = session;
        this.config = config;
        this.message = message;
    }

    /** The address that logs the person in with at least {@code level} and then shows {@code page} (a path of the portal). */
    public static URI loginFor(TrustLevel level, String page) {
        return URI.create(PATH + "?niveau=" + level.acr() + "&zurueck="
                + URLEncoder.encode(localPage(page), StandardCharsets.UTF_8));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> login(
            @QueryParam("niveau") String level, @QueryParam("zurueck") String page, @QueryParam(AGAIN) String again) {
        TrustLevel wanted = TrustLevel.of(level)
                .filter(asked -> asked.reaches(config.minimumTrustLevel()))
                .orElse(config.minimumTrustLevel());
        String back = localPage(page);
        if (current().reaches(wanted)) {
            return Uni.createFrom().item(Response.seeOther(URI.create(back)).build());
        }
        if (again != null) {
            return Uni.createFrom()
                    .item(Response.status(403)
                            .type(MediaType.TEXT_HTML_TYPE)
                            .entity(message.data("frame", new Frame(null, null, false, 0))
                                    .data("title", "Anmeldung reicht nicht aus")
                                    .data(
                                            "text",
                                            "Diese Seite verlangt das Vertrauensniveau „" + wanted.label()
                                                    + "“. Melden Sie sich bitte mit "
                                                    + (wanted == TrustLevel.HIGH
                                                            ? "dem Online-Ausweis"
                                                            : "dem Online-Ausweis oder einem ELSTER-Zertifikat")
                                                    + " an.")
                                    .data("link", loginFor(wanted, back).toString())
                                    .data("linkText", "Erneut anmelden")
                                    .render())
                            .build());
        }
        URI anew = URI.create(loginFor(wanted, back) + "&" + AGAIN + "=1");
        return session.logout().replaceWith(Response.seeOther(anew).build());
    }

    private TrustLevel current() {
        return identity.getPrincipal() instanceof JsonWebToken token
                ? TrustLevel.of(token.<String>getClaim("acr")).orElse(TrustLevel.LOW)
                : TrustLevel.LOW;
    }

    /**
     * Only a path of the portal itself is a way back: an address elsewhere ({@code //host}, {@code https://…}) or
     * anything unreadable becomes the start page, so this page never sends anyone off the portal.
     */
    static String localPage(String page) {
        if (page == null
                || page.length() > 2000
                || !page.startsWith("/")
                || page.startsWith("//")
                || page.startsWith("/\\")) {
            return "/";
        }
        try {
            URI uri = new URI(page);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return "/";
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException unreadable) {
            return "/";
        }
    }
}
