package org.amtsweg.resourceserver.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters follow the same {@link PlainText} rule as bodies, checked once for every
 * endpoint after it is matched: a NUL in {@code ?q=} reached PostgreSQL and came back as a 500.
 * Undecodable percent-encoding ({@code %zz}) is refused here too, naming the parameter.
 */
public class ParameterCheck {

    @ServerRequestFilter
    public Optional<Response> checkParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        MultivaluedMap<String, String> path;
        try {
            query = request.getUriInfo().getQueryParameters();
            path = request.getUriInfo().getPathParameters();
        } catch (IllegalArgumentException undecodable) {
            return Optional.of(invalid(null, "Die Adresse enthält eine ungültige Prozent-Kodierung."));
        }
        return refusal(query).or(() -> refusal(path));
    }

    private static Optional<Response> refusal(MultivaluedMap<String, String> parameters) {
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PlainText.isAcceptable(parameter.getKey())) {
                return Optional.of(invalid(
                        null,
                        "Ein Parametername enthält ein nicht erlaubtes Zeichen ("
                                + PlainText.describeForbidden(parameter.getKey()) + ")."));
            }
            for (String value : parameter.getValue()) {
                if (value != null && !PlainText.isAcceptable(value)) {
                    return Optional.of(invalid(
                            parameter.getKey(),
                            "Der Parameter " + parameter.getKey() + " enthält ein nicht erlaubtes Zeichen ("
                                    + PlainText.describeForbidden(value) + ")."));
                }
            }
        }
        return Optional.empty();
    }

    private static Response invalid(String parameter, String detail) {
        return PlatformProblem.invalidParameter(parameter, detail).toResponse();
    }
}
