package org.amtsweg.identity.authorize;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Responses of the gateway's pages with the headers every page needs: no framing (clickjacking), no
 * scripts, no caching, no referrer leaking codes, and forms that post only to the gateway itself
 * (and, after a login, redirect only to the client's registered address).
 */
public final class Pages {

    private Pages() {
    }

    public static Response html(int status, String body, String formTarget) {
        String formAction = formTarget == null ? "'self'" : "'self' " + origin(formTarget);
        return Response.status(status)
                .type("text/html; charset=UTF-8")
                .entity(body)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                        + "form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A 303 to the client's (already checked) redirect URI. */
    public static Response.ResponseBuilder redirect(URI target) {
        return Response.seeOther(target).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
