package org.amtsweg.events;

import java.time.Instant;

/**
 * A citizen removed a document from her draft before submitting it; the platform no longer stores it.
 *
 * @param bytes the size of the removed document
 */
public record DocumentRemoved(
        String applicationId,
        String attachmentId,
        String serviceKey,
        String authorityId,
        long bytes,
        Instant removedAt) {

    public static final String TYPE = "DocumentRemoved";
}
