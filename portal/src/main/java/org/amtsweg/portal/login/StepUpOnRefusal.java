package org.amtsweg.portal.login;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page whose service refused the login's trust level sends the person to log in again with the level the
 * service named, and then back to the page she was on: the one she asked for, or — when she sent a form — the
 * page that held the form (her browser's same-origin {@code Referer}), where she sends it again.
 */
public class StepUpOnRefusal {

    @ServerExceptionMapper
    public Response stepUp(TrustLevelTooLow refused, HttpServerRequest request) {
        return toLogin(refused.required(), request);
    }

    public static Response toLogin(TrustLevel required, HttpServerRequest request) {
        return Response.seeOther(StepUp.loginFor(required, pageShown(request))).build();
    }

    static String pageShown(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            return request.uri();
        }
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI page = URI.create(referer);
            // Only the path is taken: the way back stays on the portal whatever the header says.
            return page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }
}
