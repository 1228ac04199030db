package org.amtsweg.identity.edge;

/**
 * How an endpoint answers a request it refuses: OAuth endpoints as RFC 6749 error JSON (their clients
 * parse exactly that), the browser pages as an HTML page, everything else as an RFC 9457 problem.
 */
public enum EndpointKind {
    OAUTH,
    PAGE,
    OTHER;

    public static EndpointKind of(String path) {
        if (path == null) {
            return OTHER;
        }
        if (path.equals("/token") || path.equals("/introspect") || path.equals("/revoke") || path.equals("/userinfo")) {
            return OAUTH;
        }
        if (path.equals("/authorize")
                || path.startsWith("/authorize/")
                || path.equals("/end-session")
                || path.equals("/activate")) {
            return PAGE;
        }
        return OTHER;
    }
}
