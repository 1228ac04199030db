package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.api.ApplicationApi;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.api.Json;
import org.amtsweg.portal.form.ErrorSummary;
import org.amtsweg.portal.form.FormRow;
import org.amtsweg.portal.form.FormSection;
import org.amtsweg.portal.form.PublishedForm;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The citizen's mailbox (Postfach): an information request opens exactly the fields and documents the
 * authority asked for, everything else is shown read-only; the answer goes back into the same case.
 * A decision notice downloads as the PDF the authority issued.
 */
@Path("/postfach")
@Produces(MediaType.TEXT_HTML)
public class MailboxPages {

    private final ApplicationApi applications;
    private final CatalogApi catalog;
    private final CitizenContext citizen;
    private final Documents documents;
    private final Template mailbox;
    private final Template message;

    public MailboxPages(
            @RestClient ApplicationApi applications,
            @RestClient CatalogApi catalog,
            CitizenContext citizen,
            Documents documents,
            @Location("mailbox.html") Template mailbox,
            @Location("mailbox-message.html") Template message) {
        this.applications = applications;
        this.catalog = catalog;
        this.citizen = citizen;
        this.documents = documents;
        this.mailbox = mailbox;
        this.message = message;
    }

    @GET
    public TemplateInstance mailbox() {
        return mailbox.data("frame", citizen.frame()).data("messages", Json.list(applications.mailbox()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance message(@PathParam("id") String id) {
        return page(request(id), ErrorSummary.none(), null);
    }

    @POST
    @Path("{id}/dokumente")
    public Response upload(
            @PathParam("id") String id, @RestForm("art") String kind, @RestForm("datei") FileUpload file) {
        Request request = request(id);
        if (!request.documents().contains(kind)) {
            throw new NotFoundException();
        }
        return documents
                .upload(request.applicationId(), kind, file)
                .map(refusal -> Response.status(refusal.status())
                        .entity(page(request, ErrorSummary.none(), refusal))
                        .build())
                .orElseGet(
                        () -> Response.seeOther(URI.create("/postfach/" + id)).build());
    }

    /** The answer: the opened fields are saved (intake refuses any other), then the reply goes into the case. */
    @POST
    @Path("{id}/antwort")
    public Response reply(@PathParam("id") String id, MultivaluedMap<String, String> inputs) {
        Request request = request(id);
        try {
            if (request.section() != null) {
                ObjectNode data = request.form().apply(request.section(), request.data(), inputs);
                applications.saveData(request.applicationId(), data);
            }
            String text = inputs.getFirst("nachricht");
            ObjectNode reply = Json.mapper().createObjectNode().put("message", text == null ? "" : text.strip());
            applications.reply(id, reply);
        } catch (WebApplicationException failure) {
            ApiRefusal refusal = ApiRefusal.of(failure).orElseThrow(() -> failure);
            ErrorSummary errors =
                    ErrorSummary.of(refusal, request.form(), request.sections(), 1, step -> "/postfach/" + id);
            return Response.status(refusal.status())
                    .entity(page(request, errors, null))
                    .build();
        }
        return Response.seeOther(URI.create("/postfach/" + id)).build();
    }

    @GET
    @Path("{id}/bescheid.pdf")
    public Response notice(@PathParam("id") String id) {
        return Documents.download(applications.notice(ApplicationPages.requireId(id)), "Bescheid.pdf");
    }

    private TemplateInstance page(Request request, ErrorSummary errors, ApiRefusal uploadRefusal) {
        FormSection section = request.section(errors.byPointer());
        List<FormRow> rows = section == null ? List.of() : section.rows();
        List<Map<String, Object>> kinds = request.form().attachments().stream()
                .filter(kind -> request.documents().contains(kind.path("kind").asText()))
                .map(ApplicationPages::documentKind)
                .toList();
        return message.data(
                        "frame",
                        citizen.frame(request.application()
                                .path("authority")
                                .path("id")
                                .asText(null)))
                .data("message", Json.object(request.message()))
                .data("application", Json.object(request.application()))
                .data("rows", rows)
                .data("kinds", kinds)
                .data("errors", errors)
                .data("uploadRefusal", uploadRefusal)
                .data("open", request.isOpen());
    }

    private Request request(String id) {
        JsonNode found = applications.message(ApplicationPages.requireId(id));
        JsonNode application =
                applications.application(found.path("applicationId").asText());
        PublishedForm form = new PublishedForm(catalog.form(
                application.path("service").path("key").asText(),
                application.path("formVersion").asInt()));
        return new Request(found, application, form);
    }

    /** A mailbox message with its application and form: what was asked, and what may change. */
    private record Request(JsonNode message, JsonNode application, PublishedForm form) {

        String applicationId() {
            return application.path("id").asText();
        }

        JsonNode data() {
            return application.path("data");
        }

        List<String> fields() {
            List<String> pointers = new ArrayList<>();
            message.path("fields").forEach(pointer -> pointers.add(pointer.asText()));
            return pointers;
        }

        List<String> documents() {
            List<String> kinds = new ArrayList<>();
            message.path("documents").forEach(kind -> kinds.add(kind.asText()));
            return kinds;
        }

        boolean isOpen() {
            return "INFORMATION_REQUEST".equals(message.path("kind").asText())
                    && (message.path("repliedAt").isNull()
                            || message.path("repliedAt").isMissingNode());
        }

        Predicate<String> editable() {
            return pointer -> isOpen()
                    && fields().stream().anyMatch(asked -> pointer.equals(asked) || pointer.startsWith(asked + "/"));
        }

        List<FormSection> sections() {
            return List.of(section());
        }

        FormSection section() {
            return section(Map.of());
        }

        /** All of the form's answers on one page: the asked ones editable, the others read-only for context. */
        FormSection section(Map<String, String> errors) {
            if (fields().isEmpty()) {
                return null;
            }
            List<FormRow> rows = new ArrayList<>();
            form.sections(data(), List.of(), errors, editable()).forEach(section -> {
                if (section.fields().stream().anyMatch(field -> field.editable())) {
                    rows.addAll(section.rows());
                }
            });
            return new FormSection(1, "Nachforderung", "", rows);
        }
    }
}
