package org.amtsweg.catalog.feed;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.web.CacheableResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Portalverbund feed: the catalogue for other portals (a Kommunalportal, the PVOG) to mirror, public and cacheable.
 * A mirror reads the full feeds once, then follows {@code /feed/changes} from the cursor they carry; each change names
 * the document to fetch again. Read before the documents, the cursor can only lead to a change the mirror already
 * holds (fetched again, harmlessly), never past one it misses.
 */
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Portalverbund feed",
        description = "The catalogue for other portals to mirror; JSON Schemas under /schemas/feed/")
public class FeedResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Full feeds and documents may be served this long without asking; a change page that is not yet full, briefly. */
    private static final int DOCUMENT_MAX_AGE = 60;

    private static final int OPEN_PAGE_MAX_AGE = 10;
    private static final int FULL_PAGE_MAX_AGE = 86400;

    private final CatalogFeed feed;
    private final ChangeLog changes;
    private final CacheableResponses cache;

    public FeedResource(CatalogFeed feed, ChangeLog changes, CacheableResponses cache) {
        this.feed = feed;
        this.changes = changes;
        this.cache = cache;
    }

    /** Every service; {@code cursor} is where to follow {@code /feed/changes} from ({@code changes} is that link). */
    public record ServicesFeed(String cursor, String changes, List<FeedService> services) {}

    /** Every authority, with the same cursor. */
    public record AuthoritiesFeed(String cursor, String changes, List<FeedAuthority> authorities) {}

    /**
     * A page of changes after {@code since}, in the order they were committed.
     *
     * @param next where to ask next (the last change's cursor, or {@code since} when there was none)
     * @param more whether more changes are there already (ask again at once) or not (ask again later)
     */
    public record ChangePage(String since, String next, boolean more, List<Change> changes) {}

    /**
     * One change of a feed document.
     *
     * @param cursor the position right after this change
     * @param entity {@code service} or {@code authority}
     * @param change {@code updated} (fetch {@code href}: the document as it is now) or {@code deleted} ({@code href} null)
     */
    public record Change(
            String cursor, String entity, String id, String change, OffsetDateTime changedAt, String href) {}

    @GET
    @Path("/services")
    @Operation(
            summary =
                    "Every service with its OZG-ID, LeiKa IDs, Themenfeld, handling and, per authority, availability and deep links")
    @APIResponse(
            responseCode = "200",
            description = "The service feed (strong ETag; If-None-Match answers 304)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ServicesFeed.class)))
    public Uni<Response> services(@Context Request request) {
        return changes.head()
                .chain(head -> feed.services(null)
                        .map(services -> cache.of(
                                request,
                                new ServicesFeed(FeedCursor.of(head), changesLink(head), services),
                                DOCUMENT_MAX_AGE,
                                false)));
    }

    @GET
    @Path("/services/{key}")
    @Operation(summary = "One service of the feed, as the full feed shows it")
    @APIResponse(
            responseCode = "200",
            description = "The service's feed document",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedService.class)))
    public Uni<Response> service(@Context Request request, @PathParam("key") String key) {
        return feed.services(key)
                .map(found -> cache.of(
                        request,
                        found.stream()
                                .findFirst()
                                .orElseThrow(() ->
                                        Problems.notFound("Es gibt keine Leistung mit dem Schlüssel " + key + ".")),
                        DOCUMENT_MAX_AGE,
                        false));
    }

    @GET
    @Path("/authorities")
    @Operation(summary = "Every authority with the municipalities (AGS) it serves and its branding")
    @APIResponse(
            responseCode = "200",
            description = "The authority feed (strong ETag; If-None-Match answers 304)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthoritiesFeed.class)))
    public Uni<Response> authorities(@Context Request request) {
        return changes.head()
                .chain(head -> feed.authorities(null)
                        .map(authorities -> cache.of(
                                request,
                                new AuthoritiesFeed(FeedCursor.of(head), changesLink(head), authorities),
                                DOCUMENT_MAX_AGE,
                                false)));
    }

    @GET
    @Path("/authorities/{id}")
    @Operation(summary = "One authority of the feed, as the full feed shows it")
    @APIResponse(
            responseCode = "200",
            description = "The authority's feed document",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedAuthority.class)))
    public Uni<Response> authority(@Context Request request, @PathParam("id") String id) {
        return feed.authorities(id)
                .map(found -> cache.of(
                        request,
                        found.stream()
                                .findFirst()
                                .orElseThrow(
                                        () -> Problems.notFound("Es gibt keine Behörde mit der Kennung " + id + ".")),
                        DOCUMENT_MAX_AGE,
                        false));
    }

    @GET
    @Path("/changes")
    @Operation(summary = "The changes after a cursor, in order, each naming the document to fetch again")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes (strong ETag; a full page never changes and may be cached for good)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangePage.class)))
    public Uni<Response> changes(
            @Context Request request,
            @Parameter(description = "a cursor from a full feed or a page's next; none: from the beginning")
                    @QueryParam("since")
                    String since,
            @Parameter(description = "changes per page, 1 to 1000, default 100") @QueryParam("limit") String limit) {
        long from = since == null
                ? 0
                : FeedCursor.position(since)
                        .orElseThrow(
                                () -> Problems.invalidParameter(
                                        "since",
                                        "Der Parameter since ist kein Cursor dieses Feeds; nehmen Sie den eines Feeds oder das next einer Seite."));
        int size = limit(limit);
        return changes.head().chain(head -> {
            if (from > head) {
                // Not issued here, or issued by a catalogue that has since been rebuilt: the mirror must read the full
                // feeds again.
                throw Problems.invalidParameter(
                        "since",
                        "Diesen Cursor hat dieser Feed nicht ausgegeben; lesen Sie die vollständigen Feeds neu.");
            }
            return changes.after(from, size).map(entries -> {
                List<Change> page = entries.stream().map(FeedResource::change).toList();
                long last = entries.isEmpty()
                        ? from
                        : entries.get(entries.size() - 1).position();
                boolean full = entries.size() == size;
                ChangePage body = new ChangePage(FeedCursor.of(from), FeedCursor.of(last), last < head, page);
                // A full page holds committed changes only, in an order nothing can insert into: it never changes
                // again.
                return cache.of(request, body, full ? FULL_PAGE_MAX_AGE : OPEN_PAGE_MAX_AGE, full);
            });
        });
    }

    private static Change change(ChangeLog.Entry entry) {
        String href = "deleted".equals(entry.change())
                ? null
                : ("service".equals(entry.entity()) ? "/feed/services/" : "/feed/authorities/") + entry.entityId();
        return new Change(
                FeedCursor.of(entry.position()),
                entry.entity(),
                entry.entityId(),
                entry.change(),
                entry.changedAt(),
                href);
    }

    private static String changesLink(long head) {
        return "/feed/changes?since=" + FeedCursor.of(head);
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw Problems.invalidParameter(
                "limit", "Der Parameter limit muss eine ganze Zahl von 1 bis " + MAX_LIMIT + " sein.");
    }
}
