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

    /**
     * Stores a document and announces it ({@code DocumentStored}) in the same transaction, so that the
     * usage report counts exactly what is stored.
     */
    Uni<StoredAttachment> save(DocumentOwner owner, String kind, String fileName, String mediaType, byte[] content);

    Uni<List<StoredAttachment>> list(UUID applicationId);

    Uni<Optional<byte[]>> content(UUID applicationId, UUID attachmentId);

    /** Removes a document and announces it ({@code DocumentRemoved}) in the same transaction; false if there was none. */
    Uni<Boolean> delete(DocumentOwner owner, UUID attachmentId);

    /** The application a document belongs to, with what the usage report counts it by. */
    record DocumentOwner(UUID applicationId, String serviceKey, String authorityId) {}

    /** Bytes stored for an application so far. */
    Uni<Long> totalSize(UUID applicationId);
}
