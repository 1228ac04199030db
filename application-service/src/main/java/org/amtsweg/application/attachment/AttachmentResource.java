package org.amtsweg.application.attachment;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.amtsweg.application.Problems;
import org.amtsweg.application.catalog.Catalog;
import org.amtsweg.application.intake.Applications;
import org.amtsweg.application.security.Citizen;
import org.amtsweg.application.status.ApplicationStatus;
import org.apache.tika.Tika;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Documents of an application: uploaded while it is a draft, or when the authority asked for them.
 * Type and size follow the form's hints; the type is decided by the content, never by the name; a
 * PDF with active content (scripts, launch actions, embedded files) is refused.
 */
@Path("/applications/{id}/attachments")
@Authenticated
public class AttachmentResource {

    private static final Tika TIKA = new Tika();
    /** A kind of document as forms name them, e.g. {@code mietbescheinigung}. */
    private static final Pattern KIND = Pattern.compile("^[a-z0-9]+([_-][a-z0-9]+)*$");

    private static final int MAX_KIND_LENGTH = 64;

    private final Applications applications;
    private final Catalog catalog;
    private final AttachmentStore store;
    private final Vertx vertx;
    private final SecurityIdentity identity;
    private final VirusScan virusScan;

    public AttachmentResource(
            Applications applications,
            Catalog catalog,
            AttachmentStore store,
            Vertx vertx,
            SecurityIdentity identity,
            VirusScan virusScan) {
        this.virusScan = virusScan;
        this.applications = applications;
        this.catalog = catalog;
        this.store = store;
        this.vertx = vertx;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> upload(
            @PathParam("id") UUID id, @RestForm("file") FileUpload file, @RestForm("kind") String kind) {
        if (file == null) {
            throw Problems.invalidParameter("file", "Die Datei fehlt (Feld file).");
        }
        if (kind == null || kind.isBlank()) {
            throw Problems.invalidParameter("kind", "Die Art des Dokuments fehlt (Feld kind).");
        }
        if (kind.length() > MAX_KIND_LENGTH || !KIND.matcher(kind).matches()) {
            // Not echoed: it may hold anything, and no form has such a kind.
            throw Problems.invalidParameter(
                    "kind",
                    "Die Art des Dokuments ist keine, die ein Formular kennt (Kleinbuchstaben, Ziffern, - und _).");
        }
        if (file.size() == 0) {
            throw Problems.invalidParameter("file", "Die Datei ist leer (Feld file).");
        }
        Citizen citizen = Citizen.from(identity);
        return applications
                .find(applications.pool(), id, citizen, false)
                .chain(found -> {
                    Applications.Stored application =
                            found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                    boolean requested = application.requestedDocuments().contains(kind);
                    if (application
                            .status()
                            .filter(status -> status.acceptsDocument(requested))
                            .isEmpty()) {
                        throw Problems.notEditable(application.view().status());
                    }
                    return catalog.form(
                                    application.view().service().key(),
                                    application.view().formVersion())
                            .chain(form -> {
                                AttachmentRules.Kind rule = AttachmentRules.of(form.path("presentation"))
                                        .kind(kind)
                                        .orElseThrow(() -> Problems.invalidParameter(
                                                "kind", "Das Formular kennt keine Dokumentart " + kind + "."));
                                if (file.size() > rule.maxBytes()) {
                                    throw Problems.tooLarge(
                                            "Die Datei ist größer als " + rule.maxBytes() / (1024 * 1024) + " MB.");
                                }
                                return store.totalSize(id)
                                        .chain(total -> {
                                            if (total + file.size() > AttachmentRules.MAX_TOTAL_BYTES) {
                                                throw Problems.tooLarge(
                                                        "Alle Dokumente eines Antrags zusammen dürfen höchstens 50 MB groß sein.");
                                            }
                                            return vertx.fileSystem()
                                                    .readFile(
                                                            file.uploadedFile().toString());
                                        })
                                        .chain(buffer -> {
                                            byte[] content = buffer.getBytes();
                                            // Decided by the content: a PNG renamed to .pdf is a PNG.
                                            String detected = TIKA.detect(content);
                                            if (!rule.mediaTypes().contains(detected)) {
                                                throw Problems.unsupportedType(detected, rule.mediaTypes());
                                            }
                                            return withoutActiveContent(detected, content)
                                                    .chain(() -> virusScan.check(content))
                                                    .chain(() -> store.save(
                                                            owner(application),
                                                            kind,
                                                            FileNames.sanitise(file.fileName()),
                                                            detected,
                                                            content));
                                        });
                            });
                })
                .map(saved -> Response.status(201).entity(saved).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<StoredAttachment>> list(@PathParam("id") UUID id) {
        return owned(id).chain(() -> store.list(id));
    }

    @GET
    @Path("/{attachmentId}")
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return owned(id).chain(() -> store.list(id)).chain(all -> {
            StoredAttachment meta = all.stream()
                    .filter(attachment -> attachment.id().equals(attachmentId))
                    .findFirst()
                    .orElseThrow(() -> Problems.notFound("Es gibt kein Dokument " + attachmentId + "."));
            return store.content(id, attachmentId).map(content -> meta.download(content.orElseThrow()));
        });
    }

    @DELETE
    @Path("/{attachmentId}")
    public Uni<Response> delete(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        Citizen citizen = Citizen.from(identity);
        return applications
                .find(applications.pool(), id, citizen, false)
                .chain(found -> {
                    Applications.Stored application =
                            found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
                    if (application
                            .status()
                            .filter(ApplicationStatus::documentsRemovable)
                            .isEmpty()) {
                        throw Problems.notEditable(application.view().status());
                    }
                    return store.delete(owner(application), attachmentId);
                })
                .map(deleted -> {
                    if (!deleted) {
                        throw Problems.notFound("Es gibt kein Dokument " + attachmentId + ".");
                    }
                    return Response.noContent().build();
                });
    }

    /**
     * A PDF is parsed (PDFBox) on a worker thread: it may take a moment, and the event loop serves
     * everybody else meanwhile. Other accepted types (images) carry no actions.
     */
    private Uni<Void> withoutActiveContent(String mediaType, byte[] content) {
        if (!"application/pdf".equals(mediaType)) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(() -> PdfActiveContent.inspect(content), false)
                .map(verdict -> {
                    switch (verdict.outcome()) {
                        case ACTIVE -> throw Problems.activeContent(verdict.found());
                        case ENCRYPTED -> throw Problems.encryptedDocument();
                        case UNREADABLE -> throw Problems.unreadableDocument();
                        default -> {
                            return null;
                        }
                    }
                });
    }

    private static AttachmentStore.DocumentOwner owner(Applications.Stored application) {
        return new AttachmentStore.DocumentOwner(
                application.view().id(),
                application.view().service().key(),
                application.view().authority().id());
    }

    private Uni<Void> owned(UUID id) {
        return applications.view(id, Citizen.from(identity)).map(found -> {
            found.orElseThrow(() -> Problems.notFound("Es gibt keinen Antrag " + id + "."));
            return null;
        });
    }
}
