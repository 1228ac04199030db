package org.amtsweg.application.attachment;

import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.amtsweg.resourceserver.http.Download;

/** An attachment's metadata; the content is fetched separately. */
public record StoredAttachment(
        UUID id, String kind, String fileName, String mediaType, long size, String sha256, OffsetDateTime uploadedAt) {

    /** The content as a download under its (sanitised) name, with its digest; never rendered in our origin. */
    public Response download(byte[] content) {
        return Download.of(content, mediaType, fileName, sha256);
    }
}
