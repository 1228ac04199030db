package org.amtsweg.events;

/**
 * Metadata of an uploaded document; the content stays with application-service and is fetched by id.
 *
 * @param kind the document kind the form asked for, e.g. {@code mietbescheinigung}
 */
public record AttachmentReference(
        String id, String kind, String fileName, String mediaType, long size, String sha256) {}
