package org.amtsweg.resourceserver.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Headers every answer of every service carries. {@code nosniff}: a browser must take a JSON answer
 * or a citizen's document for the type it is declared as, never guess it into HTML or script.
 */
@Singleton
public class ResponseHeaders {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.response().headers().set("X-Content-Type-Options", "nosniff");
            context.next();
        });
    }
}
