package org.amtsweg.portal.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.api.CaseApi;
import org.amtsweg.portal.api.CatalogApi;
import org.amtsweg.portal.api.Json;
import org.amtsweg.portal.form.FormField;
import org.amtsweg.portal.form.FormSection;
import org.amtsweg.portal.form.PublishedForm;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A case in one view — the data under the form's labels, register results with the differing fields
 * marked, documents, history — and the clerk's steps: take it, ask for information, decide. A step
 * the case has moved past (409) or a stale page (412) is said in words, with the way forward.
 */
@Path("/sachbearbeitung/vorgaenge/{id}")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REVISION = Pattern.compile("\"?\\d{1,10}\"?");

    private final CaseApi cases;
    private final CatalogApi catalog;
    private final Workspace workspace;
    private final Template page;

    public CasePages(
            @RestClient CaseApi cases,
            @RestClient CatalogApi catalog,
            Workspace workspace,
            @Location("case.html") Template page) {
        this.cases = cases;
        this.catalog = catalog;
        this.workspace = workspace;
        this.page = page;
    }

    @GET
    public TemplateInstance details(@PathParam("id") String id, @QueryParam("erledigt") String done) {
        return view(requireId(id), null, done == null ? null : "Der Schritt ist erledigt.");
    }

    @POST
    @Path("uebernehmen")
    public Response take(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return step(
                id, form, revision -> cases.assign(revision, id, Json.mapper().createObjectNode()));
    }

    @POST
    @Path("nachforderung")
    public Response requestInformation(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ObjectNode body = Json.mapper().createObjectNode().put("message", text(form, "nachricht"));
        ArrayNode fields = body.putArray("fields");
        form.getOrDefault("felder", List.of()).forEach(fields::add);
        ArrayNode documents = body.putArray("documents");
        form.getOrDefault("unterlagen", List.of()).forEach(documents::add);
        String due = text(form, "frist");
        if (!due.isEmpty()) {
            body.put("dueDate", due);
        }
        return step(id, form, revision -> cases.requestInformation(revision, id, body));
    }

    @POST
    @Path("entscheidung")
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ObjectNode body = Json.mapper()
                .createObjectNode()
                .put("outcome", text(form, "ergebnis"))
                .put("reasoning", text(form, "begruendung"))
                .put("noticeText", text(form, "bescheidtext"));
        return step(id, form, revision -> cases.decide(revision, id, body));
    }

    /** A note for the case's history, for colleagues and the audit. */
    @POST
    @Path("notiz")
    public Response note(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ObjectNode body = Json.mapper().createObjectNode().put("text", text(form, "notiz"));
        return step(id, form, revision -> cases.note(id, body));
    }

    @GET
    @Path("dokumente/{attachmentId}")
    public Response document(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        try (Response upstream = cases.attachment(requireId(id), requireId(attachmentId))) {
            byte[] content = upstream.readEntity(byte[].class);
            // Never rendered in the portal's origin: a download, typed as the service stored it, and sandboxed if
            // opened.
            return Response.ok(content, upstream.getMediaType())
                    .header("Content-Disposition", "attachment; filename=\"Dokument-" + attachmentId + "\"")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    private Response step(String id, MultivaluedMap<String, String> form, Function<String, Response> call) {
        requireId(id);
        String revision = form.getFirst("revision");
        String ifMatch = revision != null && REVISION.matcher(revision).matches()
                ? "\"" + revision.replace("\"", "") + "\""
                : null;
        try {
            call.apply(ifMatch).close();
        } catch (WebApplicationException failure) {
            ApiRefusal refusal = ApiRefusal.of(failure).orElseThrow(() -> failure);
            return Response.status(refusal.status())
                    .entity(view(id, explain(refusal), null))
                    .build();
        }
        return Response.seeOther(URI.create("/sachbearbeitung/vorgaenge/" + id + "?erledigt"))
                .build();
    }

    /** A refusal in the clerk's words. */
    private static Map<String, Object> explain(ApiRefusal refusal) {
        String text = switch (refusal.status()) {
            case 409 -> "Dieser Schritt passt nicht zum Stand des Vorgangs: " + refusal.detail();
            case 412 -> "Der Vorgang wurde inzwischen geändert — neu laden.";
            default -> refusal.detail().isBlank() ? "Der Schritt wurde nicht angenommen." : refusal.detail();
        };
        List<String> details =
                refusal.violations().stream().map(ApiRefusal.Violation::message).toList();
        return Map.of("text", text, "details", details, "reload", refusal.status() == 409 || refusal.status() == 412);
    }

    private TemplateInstance view(String id, Map<String, Object> problem, String notice) {
        Response answer = cases.details(id);
        JsonNode found;
        String etag;
        try (answer) {
            found = Json.mapper().readTree(answer.readEntity(String.class));
            etag = answer.getHeaderString("ETag");
        } catch (IOException unreadable) {
            throw new IllegalStateException("case-service answered unreadable JSON", unreadable);
        }
        PublishedForm form = new PublishedForm(catalog.form(
                found.path("serviceKey").asText(), found.path("formVersion").asInt()));
        Set<String> differing = new HashSet<>();
        found.path("registryChecks")
                .forEach(check -> check.path("differingFields").forEach(field -> differing.add(field.asText())));
        List<Map<String, Object>> sections = new ArrayList<>();
        List<Map<String, Object>> askable = new ArrayList<>();
        for (FormSection section : form.sections(found.path("data"), List.of(), Map.of(), pointer -> false)) {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (FormField field : section.fields()) {
                if (field.pointer().matches(".*/\\d+/.*") && field.display().equals("—")) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("label", field.label());
                entry.put("value", field.display());
                entry.put("pointer", field.pointer());
                entry.put(
                        "differs",
                        differing.stream()
                                .anyMatch(pointer -> field.pointer().equals(pointer)
                                        || field.pointer().endsWith("/" + pointer)));
                answers.add(entry);
                askable.add(Map.of(
                        "pointer",
                        field.pointer(),
                        "label",
                        section.title() + ": " + field.label(),
                        "id",
                        "frage" + field.id().substring(1)));
            }
            sections.add(Map.of("title", section.title(), "answers", answers));
        }
        return page.data("frame", workspace.frame())
                .data("case", Json.object(found))
                .data("sections", sections)
                .data("askable", askable)
                .data(
                        "documentKinds",
                        form.attachments().stream()
                                .map(kind -> Map.of(
                                        "kind",
                                        kind.path("kind").asText(),
                                        "label",
                                        kind.path("label").asText()))
                                .toList())
                .data(
                        "revision",
                        etag == null ? String.valueOf(found.path("revision").asInt()) : etag.replace("\"", ""))
                .data("problem", problem)
                .data("notice", notice);
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        return id;
    }
}
