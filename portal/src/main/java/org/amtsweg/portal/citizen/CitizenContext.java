package org.amtsweg.portal.citizen;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import java.util.regex.Pattern;
import org.amtsweg.portal.PortalConfig;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.branding.Authority;
import org.amtsweg.portal.branding.Frame;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Where a citizen stands: her place (AGS) — from the eID's address once she is logged in, before that
 * as she chose it — and the authority whose name and logo her pages carry from the first service she
 * looked at on. Both are remembered in plain preference cookies; neither is a secret.
 */
@RequestScoped
public class CitizenContext {

    static final String PLACE_COOKIE = "amtsweg_ort";
    static final String AUTHORITY_COOKIE = "amtsweg_behoerde";
    private static final Pattern AGS = Pattern.compile("\\d{8}");

    private final SecurityIdentity identity;
    private final HttpHeaders headers;
    private final CatalogApi catalog;
    private final PortalConfig config;

    public CitizenContext(
            SecurityIdentity identity, HttpHeaders headers, @RestClient CatalogApi catalog, PortalConfig config) {
        this.identity = identity;
        this.headers = headers;
        this.catalog = catalog;
        this.config = config;
    }

    public Optional<JsonWebToken> login() {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                ? Optional.of(token)
                : Optional.empty();
    }

    /** The 8-digit AGS of her place: the eID's first, then her choice. */
    public Optional<String> place() {
        Optional<String> fromEid = login().map(token -> token.<String>getClaim("municipality"))
                .filter(ags -> ags != null && AGS.matcher(ags).matches());
        return fromEid.or(
                () -> cookie(PLACE_COOKIE).filter(ags -> AGS.matcher(ags).matches()));
    }

    public Frame frame() {
        return frame(cookie(AUTHORITY_COOKIE).orElse(null));
    }

    /** The frame with a known authority (of an application, say); {@code null} leaves the platform's neutral look. */
    public Frame frame(String authorityId) {
        Authority brand = null;
        if (authorityId != null && Authority.ID.matcher(authorityId).matches()) {
            try {
                brand = Authority.of(catalog.authority(authorityId));
            } catch (WebApplicationException unknown) {
                brand = null;
            }
        }
        String person = login().map(token -> {
                    String given = token.getClaim("given_name");
                    String family = token.getClaim("family_name");
                    return given == null ? token.getName() : given + " " + (family == null ? "" : family);
                })
                .orElse(null);
        return new Frame(brand, person, false, config.sessionIdleTimeout().toMinutes());
    }

    static NewCookie remember(String name, String value) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(60 * 60 * 24 * 30)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private Optional<String> cookie(String name) {
        return Optional.ofNullable(headers.getCookies().get(name)).map(Cookie::getValue);
    }
}
