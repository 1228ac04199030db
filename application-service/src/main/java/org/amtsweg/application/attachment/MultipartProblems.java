package org.amtsweg.application.attachment;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.amtsweg.application.Problems;
import org.amtsweg.resourceserver.problem.RequestTooLarge;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;

/**
 * A multipart body that cannot be read — its boundary is not the one its {@code Content-Type} declares,
 * it ends in the middle of a part — is the sender's error: 400 {@code malformed-body}, as for JSON that
 * cannot be read. The framework reports it as an {@link IOException} before any resource runs, which
 * otherwise became a 500. Only multipart requests are answered so: intake reads no other body that way.
 */
public class MultipartProblems {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MultipartProblems.class);

    @ServerExceptionMapper
    public Response unreadable(IOException failure, HttpServerRequest request) {
        if (failure instanceof MultiPartParserDefinition.FileTooLargeException) {
            return RequestTooLarge.problem().toResponse();
        }
        if (!isMultipart(request)) {
            LOG.error("request failed", failure);
            return Problems.internalError().toResponse();
        }
        return Problems.unreadableMultipart().toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException failure) {
        return Problems.unreadableMultipart().toResponse();
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA);
    }
}
