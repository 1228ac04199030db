package org.amtsweg.events;

import java.time.Instant;

/**
 * The platform stored a document (Nachweis) a citizen uploaded to an application: counted with its size
 * for the usage report, since storage is a cost that grows with each authority's applications.
 *
 * @param bytes the document's size as stored
 */
public record DocumentStored(
        String applicationId,
        String attachmentId,
        String serviceKey,
        String authorityId,
        long bytes,
        Instant storedAt) {

    public static final String TYPE = "DocumentStored";
}
