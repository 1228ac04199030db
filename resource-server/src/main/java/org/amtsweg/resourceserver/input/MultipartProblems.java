package org.amtsweg.resourceserver.input;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.RequestTooLarge;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * A multipart body that cannot be read — its boundary is not the one its {@code Content-Type} declares,
 * it ends in the middle of a part — is the sender's error: 400 {@code malformed-body}, as for JSON that
 * cannot be read; a part above the parser's limit is {@code 413 request-too-large}. The framework reports
 * both as an {@link IOException} before any resource runs, which otherwise became a 500. Any other
 * {@code IOException} stays the service's defect.
 */
public class MultipartProblems {

    private static final Logger LOG = Logger.getLogger(MultipartProblems.class);

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unreadable(IOException failure, HttpServerRequest request) {
        if (failure instanceof MultiPartParserDefinition.FileTooLargeException) {
            return RequestTooLarge.problem().toResponse();
        }
        if (!isMultipart(request)) {
            LOG.error("request failed", failure);
            return PlatformProblem.internalError().toResponse();
        }
        return unreadable().toResponse();
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response malformed(MultipartParser.MalformedMessageException failure) {
        return unreadable().toResponse();
    }

    private static Problem unreadable() {
        return PlatformProblem.MALFORMED_BODY.problem(
                "Der Inhalt ist kein lesbares multipart/form-data: die Grenze (boundary) passt nicht "
                        + "zum Content-Type, oder der Inhalt bricht ab.");
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA);
    }
}
