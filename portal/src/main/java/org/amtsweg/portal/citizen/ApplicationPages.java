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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.api.ApplicationApi;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.api.Json;
import org.amtsweg.portal.form.ErrorSummary;
import org.amtsweg.portal.form.FormSection;
import org.amtsweg.portal.form.PublishedForm;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The citizen's applications: start one, fill the form step by step (a draft that is saved with each
 * step and can be resumed), hand in the documents, submit, and take the receipt. Every refusal of
 * intake is shown at its field and in the summary at the top.
 */
@Path("/antraege")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SERVICE_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ApplicationApi applications;
    private final CatalogApi catalog;
    private final CitizenContext citizen;
    private final Documents documents;
    private final Template list;
    private final Template begin;
    private final Template step;
    private final Template review;
    private final Template status;

    public ApplicationPages(
            @RestClient ApplicationApi applications,
            @RestClient CatalogApi catalog,
            CitizenContext citizen,
            Documents documents,
            @Location("applications.html") Template list,
            @Location("begin.html") Template begin,
            @Location("step.html") Template step,
            @Location("review.html") Template review,
            @Location("application.html") Template status) {
        this.applications = applications;
        this.catalog = catalog;
        this.citizen = citizen;
        this.documents = documents;
        this.list = list;
        this.begin = begin;
        this.step = step;
        this.review = review;
        this.status = status;
    }

    /** Meine Anträge: drafts to resume and submitted applications with their state. */
    @GET
    public TemplateInstance mine() {
        return list.data("frame", citizen.frame()).data("applications", Json.list(applications.mine()));
    }

    @GET
    @Path("neu")
    public TemplateInstance start(@QueryParam("leistung") String serviceKey) {
        JsonNode service = catalog.service(requireKey(serviceKey));
        return begin.data("frame", citizen.frame())
                .data("service", Json.object(service))
                .data("refusal", null);
    }

    @POST
    @Path("neu")
    public Response create(@RestForm("leistung") String serviceKey) {
        ObjectNode request = Json.mapper().createObjectNode().put("service", requireKey(serviceKey));
        try {
            JsonNode draft = applications.create(request);
            return Response.seeOther(URI.create("/antraege/" + draft.path("id").asText() + "/schritt/1"))
                    .cookie(CitizenContext.remember(
                            CitizenContext.AUTHORITY_COOKIE,
                            draft.path("authority").path("id").asText()))
                    .build();
        } catch (WebApplicationException failure) {
            ApiRefusal refusal = ApiRefusal.of(failure).orElseThrow(() -> failure);
            JsonNode service = catalog.service(serviceKey);
            return Response.status(refusal.status())
                    .entity(begin.data("frame", citizen.frame())
                            .data("service", Json.object(service))
                            .data("refusal", refusal))
                    .build();
        }
    }

    /** The application's state and timeline; a draft goes on where it is edited. */
    @GET
    @Path("{id}")
    public TemplateInstance application(@PathParam("id") String id) {
        JsonNode application = applications.application(requireId(id));
        return status.data(
                        "frame",
                        citizen.frame(application.path("authority").path("id").asText()))
                .data("application", Json.object(application));
    }

    @GET
    @Path("{id}/schritt/{step}")
    public TemplateInstance step(@PathParam("id") String id, @PathParam("step") int number) {
        Draft draft = draft(id);
        return stepPage(draft, number, ErrorSummary.none(), draft.data());
    }

    /** A step was sent: its answers are saved into the draft (intake checks types and formats), then on to the next. */
    @POST
    @Path("{id}/schritt/{step}")
    public Response saveStep(
            @PathParam("id") String id, @PathParam("step") int number, MultivaluedMap<String, String> inputs) {
        Draft draft = draft(id);
        FormSection section = draft.section(number);
        ObjectNode data = draft.form().apply(section, draft.data(), inputs);
        try {
            applications.saveData(id, data);
        } catch (WebApplicationException failure) {
            ApiRefusal refusal = ApiRefusal.of(failure).orElseThrow(() -> failure);
            return Response.status(422)
                    .entity(stepPage(draft, number, draft.summary(refusal, number), data))
                    .build();
        }
        String next = "zurueck".equals(inputs.getFirst("aktion"))
                ? stepUrl(id, Math.max(1, number - 1))
                : number >= draft.form().steps() ? "/antraege/" + id + "/pruefen" : stepUrl(id, number + 1);
        return Response.seeOther(URI.create(next)).build();
    }

    /** The last step: everything at a glance, the documents, and the button that submits. */
    @GET
    @Path("{id}/pruefen")
    public TemplateInstance check(@PathParam("id") String id) {
        return reviewPage(draft(id), ErrorSummary.none(), null);
    }

    @POST
    @Path("{id}/dokumente")
    public Response upload(
            @PathParam("id") String id, @RestForm("art") String kind, @RestForm("datei") FileUpload file) {
        Draft draft = draft(id);
        return documents
                .upload(id, kind, file)
                .map(refusal -> Response.status(refusal.status())
                        .entity(reviewPage(draft, ErrorSummary.none(), refusal))
                        .build())
                .orElseGet(() -> Response.seeOther(URI.create("/antraege/" + id + "/pruefen"))
                        .build());
    }

    /** Submits; the form's attempt id is the Idempotency-Key, so a second click or a retry never submits twice. */
    @POST
    @Path("{id}/absenden")
    public Response submit(@PathParam("id") String id, @RestForm("versuch") String attempt) {
        Draft draft = draft(id);
        String key = attempt != null && attempt.matches("[0-9a-f-]{36}")
                ? attempt
                : UUID.randomUUID().toString();
        try {
            applications.submit(key, id);
        } catch (WebApplicationException failure) {
            ApiRefusal refusal = ApiRefusal.of(failure).orElseThrow(() -> failure);
            if (refusal.violations().isEmpty()) {
                return Response.status(refusal.status())
                        .entity(reviewPage(draft, ErrorSummary.none(), refusal))
                        .build();
            }
            // The first refused answer's step opens, with every refusal in the summary.
            int first = draft.form()
                    .stepOf(
                            draft.sections(Map.of()),
                            refusal.violations().get(0).pointer());
            if (first > draft.form().steps()) {
                return Response.status(422)
                        .entity(reviewPage(draft, draft.summary(refusal, first), null))
                        .build();
            }
            return Response.status(422)
                    .entity(stepPage(draft, first, draft.summary(refusal, first), draft.data()))
                    .build();
        }
        return Response.seeOther(URI.create("/antraege/" + id)).build();
    }

    @GET
    @Path("{id}/eingangsbestaetigung.pdf")
    public Response receipt(@PathParam("id") String id) {
        return Documents.download(applications.receipt(requireId(id)), "Eingangsbestaetigung.pdf");
    }

    private TemplateInstance stepPage(Draft draft, int number, ErrorSummary errors, JsonNode data) {
        List<FormSection> sections =
                draft.form().sections(data, draft.prefilled(), errors.byPointer(), pointer -> true);
        if (number < 1 || number > sections.size()) {
            throw new NotFoundException();
        }
        return step.data("frame", citizen.frame(draft.authorityId()))
                .data("application", Json.object(draft.application()))
                .data("form", draft.form())
                .data("section", sections.get(number - 1))
                .data("steps", sections)
                .data("total", sections.size() + 1)
                .data("errors", errors);
    }

    private TemplateInstance reviewPage(Draft draft, ErrorSummary errors, ApiRefusal uploadRefusal) {
        return review.data("frame", citizen.frame(draft.authorityId()))
                .data("application", Json.object(draft.application()))
                .data("form", draft.form())
                .data("steps", draft.sections(errors.byPointer()))
                .data("total", draft.form().steps() + 1)
                .data(
                        "kinds",
                        draft.form().attachments().stream()
                                .map(ApplicationPages::documentKind)
                                .toList())
                .data("attachments", Json.list(applications.attachments(draft.id())))
                .data("errors", errors)
                .data("uploadRefusal", uploadRefusal)
                .data("attempt", UUID.randomUUID().toString());
    }

    private Draft draft(String id) {
        JsonNode application = applications.application(requireId(id));
        JsonNode form = catalog.form(
                application.path("service").path("key").asText(),
                application.path("formVersion").asInt());
        return new Draft(application, new PublishedForm(form));
    }

    /** A document kind as the upload form names it beforehand: label, types and size limit. */
    static Map<String, Object> documentKind(JsonNode kind) {
        List<String> types = new ArrayList<>();
        kind.path("mediaTypes").forEach(type -> types.add(type.asText()));
        String names = String.join(
                ", ",
                types.stream()
                        .map(type -> type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT))
                        .toList());
        return Map.of(
                "kind",
                kind.path("kind").asText(),
                "label",
                kind.path("label").asText(),
                "required",
                kind.path("required").asBoolean(),
                "accept",
                String.join(",", types),
                "types",
                names,
                "megabytes",
                Math.max(1, kind.path("maxBytes").asLong(10485760) / 1048576));
    }

    static String stepUrl(String id, int step) {
        return "/antraege/" + id + "/schritt/" + step;
    }

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        return id;
    }

    private static String requireKey(String key) {
        if (key == null || !SERVICE_KEY.matcher(key).matches() || key.length() > 64) {
            throw new NotFoundException();
        }
        return key;
    }
}
