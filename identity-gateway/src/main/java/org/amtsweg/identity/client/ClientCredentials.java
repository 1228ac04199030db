package org.amtsweg.identity.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.amtsweg.identity.token.OAuthError;

/**
 * The client id and secret of a token request, from HTTP Basic ({@code client_secret_basic}) or the
 * form ({@code client_secret_post}); using both at once is refused, as RFC 6749 §2.3 demands.
 */
public record ClientCredentials(String clientId, Optional<String> secret) {

    public static ClientCredentials from(String authorization, String formId, String formSecret) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw OAuthError.invalidRequest("use one client authentication method, not two");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("malformed Basic credentials");
            }
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are put into the header.
            return new ClientCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    Optional.of(URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        }
        return new ClientCredentials(formId, Optional.ofNullable(formSecret));
    }
}
