package org.amtsweg.catalog;

/**
 * The catalogue's read cache. Reads vastly outnumber changes; an entry lives a few seconds (so other
 * instances see a change soon) and every change on this instance empties the cache at once.
 */
public final class CatalogCaches {

    /** Searches, services and authorities; expiry in {@code quarkus.cache.caffeine."catalog-reads".*}. */
    public static final String READS = "catalog-reads";

    private CatalogCaches() {}
}
