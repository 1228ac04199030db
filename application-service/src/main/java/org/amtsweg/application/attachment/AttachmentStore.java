package org.amtsweg.application.attachment;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where attachments' content lives. PostgreSQL by default ({@link DatabaseAttachmentStore}); an object
 * store can implement the same interface without intake noticing.
 */
public interface AttachmentStore {

    Uni<StoredAttachment> save(UUID applicationId, String kind, String fileName, String mediaType, byte[] content);

    Uni<List<StoredAttachment>> list(UUID applicationId);

    Uni<Optional<byte[]>> content(UUID applicationId, UUID attachmentId);

    Uni<Boolean> delete(UUID applicationId, UUID attachmentId);

    /** Bytes stored for an application so far. */
    Uni<Long> totalSize(UUID applicationId);
}
