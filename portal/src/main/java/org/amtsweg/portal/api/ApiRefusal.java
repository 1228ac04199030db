package org.amtsweg.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amtsweg.portal.login.TrustLevel;
import org.amtsweg.portal.login.TrustLevelTooLow;

/**
 * A service's RFC 9457 answer to a request it refused, read for the page that shows it: the status, the
 * German detail, and each violation's JSON pointer with its German message.
 */
@TemplateData
public record ApiRefusal(int status, String type, String detail, List<Violation> violations, JsonNode problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One refused field: where it is in the data and what is wrong with it, in German. */
    @TemplateData
    public record Violation(String pointer, String message) {}

    /**
     * The refusal in a failed call, if the service answered with a client error (4xx); a 5xx or no answer stays an
     * error. A refusal of the login's trust level is no page's business: it becomes a step-up ({@link TrustLevelTooLow}).
     */
    public static Optional<ApiRefusal> of(WebApplicationException failure) {
        Response response = failure.getResponse();
        if (response == null || response.getStatus() < 400 || response.getStatus() >= 500) {
            return Optional.empty();
        }
        ApiRefusal refusal = from(response);
        refusal.stepUp().ifPresent(required -> {
            throw new TrustLevelTooLow(required);
        });
        return Optional.of(refusal);
    }

    /**
     * The trust level to log in with again, if this is the services' 403 {@code trust-level-too-low}; it names the
     * level as {@code requiredTrustLevel}, and a level the portal does not know asks for the highest.
     */
    public Optional<TrustLevel> stepUp() {
        if (status != 403 || !isType("trust-level-too-low")) {
            return Optional.empty();
        }
        return Optional.of(
                TrustLevel.of(problem.path("requiredTrustLevel").asText()).orElse(TrustLevel.HIGH));
    }

    public static ApiRefusal from(Response response) {
        JsonNode problem;
        try {
            problem = response.hasEntity() ? JSON.readTree(response.readEntity(String.class)) : JSON.createObjectNode();
        } catch (Exception unreadable) {
            problem = JSON.createObjectNode();
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode violation : problem.path("violations")) {
            violations.add(new Violation(
                    violation.path("pointer").asText(violation.path("field").asText("")),
                    violation.path("message").asText("Diese Angabe ist ungültig.")));
        }
        return new ApiRefusal(
                response.getStatus(),
                problem.path("type").asText(""),
                problem.path("detail").asText(""),
                List.copyOf(violations),
                problem);
    }

    public boolean isType(String slug) {
        return type.endsWith("/" + slug);
    }
}
