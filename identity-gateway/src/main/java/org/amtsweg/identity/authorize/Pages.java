package org.amtsweg.identity.authorize;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Responses of the gateway's pages with the headers every page needs: no framing (clickjacking), no
 * scripts, no caching, no referrer leaking to other sites, and forms that post only to the gateway
 * itself (and, after a login, redirect only to the client's registered address).
 */
public final class Pages {

    private Pages() {}

    public static Response html(int status, String body, String formTarget) {
        Response.ResponseBuilder response =
                Response.status(status).type("text/html; charset=UTF-8").entity(body);
        headers(formTarget).forEach(response::header);
        return response.build();
    }

    /**
     * The headers of a page. {@code Referrer-Policy: same-origin} rather than {@code no-referrer}: with
     * {@code no-referrer} a browser sends {@code Origin: null} with the page's own form posts, and the
     * gateway could no longer tell its own forms from a cross-site post; other sites still get no referrer.
     */
    public static Map<String, String> headers(String formTarget) {
        String formAction = formTarget == null ? "'self'" : "'self' " + origin(formTarget);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " + "form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    /** A 303 to the client's (already checked) redirect URI; the code in it must not leak as a referrer. */
    public static Response.ResponseBuilder redirect(URI target) {
        return Response.seeOther(target).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
