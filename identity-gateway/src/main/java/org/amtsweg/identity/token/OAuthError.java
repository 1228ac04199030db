package org.amtsweg.identity.token;

import java.time.Duration;

/**
 * An error of the OAuth 2.0 / OpenID Connect protocol, answered in the form RFC 6749 §5.2 prescribes
 * ({@code error}, {@code error_description}) rather than as problem+json, because OAuth clients
 * parse exactly that form.
 */
public class OAuthError extends RuntimeException {

    private final String error;
    private final int status;
    private final Long retryAfterSeconds;

    public OAuthError(String error, String description, int status) {
        this(error, description, status, null);
    }

    private OAuthError(String error, String description, int status, Long retryAfterSeconds) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Too many failed authentications: 429 with {@code Retry-After}, and the OAuth error the attempt
     * would otherwise have been refused with ({@code invalid_client} or {@code invalid_grant}), so that a
     * client that reads only the error still knows what failed.
     */
    public static OAuthError throttled(String error, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new OAuthError(error, "too many failed attempts; try again in " + seconds + " s", 429, seconds);
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

    /** Seconds to wait before the next attempt, for a throttled one; else null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
