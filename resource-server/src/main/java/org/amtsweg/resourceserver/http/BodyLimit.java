package org.amtsweg.resourceserver.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.amtsweg.resourceserver.problem.HttpStatusProblem;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.RequestTooLarge;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's body limit ({@code quarkus.http.limits.max-body-size}) answered as an RFC 9457 problem,
 * before anything reads the body: a declared {@code Content-Length} above it is refused at once; a
 * chunked body (no length declared) is counted as it arrives and refused as soon as it passes the
 * limit, so that nobody can make a service buffer 100 MB to learn it is too large. The framework's
 * own refusals come without a body.
 *
 * <p>Multipart and form bodies sent chunked are left to the framework's parsers, which enforce the same
 * limit early, but answer with an empty 413 (browsers always declare the length of a form upload).
 */
@Singleton
public class BodyLimit {

    void register(@Observes Router router) {
        long limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(10L * 1024 * 1024);
        BodyHandler counting = BodyHandler.create(false).setBodyLimit(limit).setDeleteUploadedFilesOnEnd(true);
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(context -> {
                    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (declared != null) {
                        long length;
                        try {
                            length = Long.parseLong(declared.trim());
                        } catch (NumberFormatException notANumber) {
                            answer(
                                    context,
                                    PlatformProblem.BAD_REQUEST.problem(
                                            "Die angegebene Länge des Inhalts ist keine Zahl."),
                                    true);
                            return;
                        }
                        if (length > limit) {
                            answer(context, RequestTooLarge.problem(), true);
                            return;
                        }
                        context.next();
                    } else if (isChunked(context) && !isFormOrMultipart(context)) {
                        counting.handle(context);
                    } else {
                        context.next();
                    }
                })
                .failureHandler(context -> {
                    int status = context.statusCode();
                    if (context.failure() instanceof WebApplicationException refused) {
                        // The form and multipart parsers refuse a field above its limit this way, outside any resource,
                        // and the router counts any exception as a 500.
                        status = refused.getResponse().getStatus();
                    }
                    if (context.response().headWritten() || status < 400 || status >= 500) {
                        // A defect (5xx) stays with the framework's handler, which logs it with its stack trace.
                        context.next();
                    } else if (status == 413) {
                        answer(context, RequestTooLarge.problem(), true);
                    } else {
                        // Refused while routing, before any resource saw it (e.g. an undecodable path or query).
                        answer(
                                context,
                                HttpStatusProblem.of(Response.status(status).build()),
                                false);
                    }
                });
    }

    private static boolean isChunked(RoutingContext context) {
        String encoding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean isFormOrMultipart(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null
                && (type.regionMatches(true, 0, "multipart/", 0, 10)
                        || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }

    private static void answer(RoutingContext context, Problem problem, boolean close) {
        var response = context.response().putHeader("X-Content-Type-Options", "nosniff");
        if (close) {
            // The rest of the body is not read; the connection cannot carry another request after it.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        problem.send(response);
    }
}
