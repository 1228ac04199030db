package org.amtsweg.events;

import java.time.Instant;

/**
 * An administrator changed the catalogue.
 *
 * @param entity {@code SERVICE}, {@code AUTHORITY}, {@code RESPONSIBILITY}, {@code AVAILABILITY}, {@code FORM} or
 *               {@code PLACE} (a municipality with its postal codes)
 * @param change {@code CREATED}, {@code UPDATED}, {@code DELETED} or {@code PUBLISHED}
 */
public record CatalogChanged(String entity, String entityId, String change, String changedBy, Instant changedAt) {

    public static final String TYPE = "CatalogChanged";
}
