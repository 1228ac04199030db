package org.amtsweg.identity.token;

/**
 * An error of the OAuth 2.0 / OpenID Connect protocol, answered in the form RFC 6749 §5.2 prescribes
 * ({@code error}, {@code error_description}) rather than as problem+json, because OAuth clients
 * parse exactly that form.
 */
public class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, 400);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
