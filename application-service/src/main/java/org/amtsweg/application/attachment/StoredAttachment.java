package org.amtsweg.application.attachment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment's metadata; the content is fetched separately. */
public record StoredAttachment(UUID id, String kind, String fileName, String mediaType, long size, String sha256, OffsetDateTime uploadedAt) {
}
