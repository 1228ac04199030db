package org.amtsweg.resourceserver.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Every JSON body a resource receives is checked against {@link BodyText} right after it is read, so
 * that no endpoint can forget it: one check, the same in every service. Binary and multipart bodies
 * are not JSON and are checked where they are read.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyCheck implements ReaderInterceptor {

    private final ObjectMapper mapper;

    public RequestBodyCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && isJson(context)) {
            // An empty body where the endpoint reads JSON: the resource would get nothing to work on.
            throw new InvalidInputException(List.of(
                    new Violation("", "required", "Der Inhalt der Anfrage fehlt.", "The request body is missing.")));
        }
        if (body == null || body instanceof InputStream || body instanceof byte[] || !isJson(context)) {
            return body;
        }
        // The tree of a typed body names its values as the sender wrote them, so the pointers match the request.
        JsonNode tree = body instanceof JsonNode node ? node : mapper.valueToTree(body);
        List<Violation> violations = BodyText.violations(tree);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return body;
    }

    private static boolean isJson(ReaderInterceptorContext context) {
        if (context.getMediaType() == null) {
            return false;
        }
        String subtype = context.getMediaType().getSubtype();
        return "json".equals(subtype) || subtype.endsWith("+json");
    }
}
