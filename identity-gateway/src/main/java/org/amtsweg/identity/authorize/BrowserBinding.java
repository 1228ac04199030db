package org.amtsweg.identity.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.token.OpaqueTokens;

/**
 * Binds a pending login to the browser that opened the login page (against login CSRF): the page sets
 * a random cookie, the login request keeps its hash, and a login form counts only when it comes back
 * with that cookie and the form's CSRF token. An attacker who opens a login page herself and makes the
 * victim's browser post her form (with her credentials) fails: the victim's browser carries another
 * cookie, or none, since the cookie is {@code SameSite=Lax} and no browser sends it with a cross-site post.
 *
 * <p>{@code Lax} rather than {@code Strict}: the upstream provider sends the browser back to the
 * callback by a cross-site redirect, and the callback is bound to the same browser.
 */
@ApplicationScoped
public class BrowserBinding {

    public static final String COOKIE = "amtsweg_login";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final IdentityConfig config;

    public BrowserBinding(IdentityConfig config) {
        this.config = config;
    }

    /** The browser's binding value: the one its cookie carries (so that two open login tabs both work), else a new one. */
    public String valueFor(String presentedCookie) {
        return presentedCookie != null && WELL_FORMED.matcher(presentedCookie).matches()
                ? presentedCookie
                : OpaqueTokens.random();
    }

    public NewCookie cookie(String value) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** What the login request stores: the hash, so that the database holds nothing a browser could present. */
    public static String hash(String value) {
        return OpaqueTokens.sha256Hex(value);
    }

    /** True when the browser presents the cookie the request was bound to. */
    public static boolean sameBrowser(AuthorizationRequest request, String presentedCookie) {
        return presentedCookie != null
                && request.browserHash() != null
                && WELL_FORMED.matcher(presentedCookie).matches()
                && MessageDigest.isEqual(
                        hash(presentedCookie).getBytes(StandardCharsets.US_ASCII),
                        request.browserHash().getBytes(StandardCharsets.US_ASCII));
    }

    /** True when a login form comes from this request's login page, in the browser that opened it. */
    public static boolean genuineForm(AuthorizationRequest request, String csrf, String presentedCookie) {
        return csrf != null
                && MessageDigest.isEqual(
                        csrf.getBytes(StandardCharsets.UTF_8),
                        request.csrfToken().getBytes(StandardCharsets.UTF_8))
                && sameBrowser(request, presentedCookie);
    }
}
