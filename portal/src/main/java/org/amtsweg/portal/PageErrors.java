package org.amtsweg.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.branding.Frame;
import org.amtsweg.portal.login.StepUpOnRefusal;
import org.amtsweg.portal.login.TrustLevel;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a page cannot be shown: something that is not there (404, also another
 * citizen's application, which the services answer 404), or a service that does not answer (503,
 * logged) — in German, in the portal's frame, never a stack trace.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    private final Template message;

    public PageErrors(@Location("message.html") Template message) {
        this.message = message;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException missing) {
        return page(404, "Seite nicht gefunden", "Diese Seite gibt es nicht, oder sie gehört nicht zu Ihrem Konto.");
    }

    /**
     * A service's answer the page did not expect: its 404 is a missing page, a refusal of the login's trust level a
     * step-up, any other refusal or failure is the portal's problem.
     */
    @ServerExceptionMapper
    public Response upstream(WebApplicationException failure, HttpServerRequest request) {
        int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
        if (status == 404) {
            return notFound(null);
        }
        if (status == 403) {
            Optional<TrustLevel> stepUp = ApiRefusal.from(failure.getResponse()).stepUp();
            if (stepUp.isPresent()) {
                return StepUpOnRefusal.toLogin(stepUp.get(), request);
            }
        }
        if (status == 401 || status == 403) {
            return page(
                    403,
                    "Kein Zugriff",
                    "Für diese Seite reicht Ihre Anmeldung nicht aus. Melden Sie sich bitte erneut an.");
        }
        LOG.errorf("a service answered %d to a page's request: %s", status, failure.getMessage());
        return page(
                503,
                "Vorübergehend nicht erreichbar",
                "Ein Dienst antwortet gerade nicht. Bitte versuchen Sie es in einigen Minuten erneut.");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.errorf("a service could not be reached: %s", failure.getMessage());
        return page(
                503,
                "Vorübergehend nicht erreichbar",
                "Ein Dienst antwortet gerade nicht. Bitte versuchen Sie es in einigen Minuten erneut.");
    }

    private Response page(int status, String title, String text) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(message.data("frame", new Frame(null, null, false, 0))
                        .data("title", title)
                        .data("text", text)
                        .data("link", "/")
                        .data("linkText", "Zur Startseite")
                        .render())
                .header("Retry-After", status == 503 ? "30" : null)
                .build();
    }
}
