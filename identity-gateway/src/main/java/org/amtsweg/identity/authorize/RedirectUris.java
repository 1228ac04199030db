package org.amtsweg.identity.authorize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Adds parameters to an address the browser is sent to, each name and value form-encoded exactly once
 * (RFC 6749 Appendix B), so that the client gets back exactly the value it sent: a {@code state} of
 * {@code {"to":"/antrag"}} or {@code a%25b} is data, never a URI template or an escape to keep.
 */
public final class RedirectUris {

    private RedirectUris() {}

    /**
     * The base address (a registered, already checked URI) with the parameters appended to its query;
     * parameters whose value is null are left out. A fragment of the base stays at the end.
     */
    public static URI withParameters(String base, Map<String, String> parameters) {
        int hash = base.indexOf('#');
        String withoutFragment = hash < 0 ? base : base.substring(0, hash);
        StringBuilder target = new StringBuilder(withoutFragment);
        char separator = withoutFragment.indexOf('?') < 0
                ? '?'
                : (withoutFragment.endsWith("?") || withoutFragment.endsWith("&") ? 0 : '&');
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            if (separator != 0) {
                target.append(separator);
            }
            target.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        if (hash >= 0) {
            target.append(base, hash, base.length());
        }
        return URI.create(target.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
