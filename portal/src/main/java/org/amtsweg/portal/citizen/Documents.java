package org.amtsweg.portal.citizen;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.api.ApplicationApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Documents between the browser and intake: an upload passes through as it came (intake decides its
 * type by content and its size by the form's limits), a download always as an attachment, never
 * rendered inline in the portal's origin.
 */
@ApplicationScoped
public class Documents {

    private final ApplicationApi applications;

    public Documents(@RestClient ApplicationApi applications) {
        this.applications = applications;
    }

    /** Uploads a document of {@code kind}; the refusal if intake refused it. */
    public Optional<ApiRefusal> upload(String applicationId, String kind, FileUpload file) {
        if (file == null || file.size() == 0) {
            return Optional.of(new ApiRefusal(400, "", "Wählen Sie eine Datei aus.", List.of(), null));
        }
        ClientMultipartForm form = ClientMultipartForm.create()
                .attribute("kind", kind == null ? "" : kind, null)
                .binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(), file.contentType());
        try {
            applications.upload(applicationId, form);
            return Optional.empty();
        } catch (WebApplicationException failure) {
            return Optional.of(ApiRefusal.of(failure).orElseThrow(() -> failure));
        }
    }

    /** A PDF from a service, handed to the browser to save. */
    public static Response download(Response upstream, String fileName) {
        try (upstream) {
            byte[] content = upstream.readEntity(byte[].class);
            return Response.ok(content, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }
}
