package org.amtsweg.cases.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.lifecycle.CaseStatus;
import org.amtsweg.cases.registry.RegisterResult;
import org.amtsweg.cases.security.Clerk;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The clerk's inbox and the case view, for the clerk's own authority only. */
@Path("/cases")
@RolesAllowed({"clerk", "supervisor"})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final Set<String> STATUSES = names(CaseStatus.values());

    /** A case whose checks have not all answered yet is PENDING. */
    private static final Set<String> REGISTRY_RESULTS = names(RegisterResult.values(), "PENDING");

    private final CaseQueries queries;
    private final LiveInbox liveInbox;
    private final JsonWebToken token;

    public CaseResource(CaseQueries queries, LiveInbox liveInbox, JsonWebToken token) {
        this.queries = queries;
        this.liveInbox = liveInbox;
        this.token = token;
    }

    @GET
    public Uni<InboxPage> inbox(
            @QueryParam("status") String status,
            @QueryParam("service") String service,
            @QueryParam("assignee") String assignee,
            @QueryParam("registryResult") String registryResult,
            @QueryParam("sort") String sort,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        InboxOrder order = InboxOrder.of(sort)
                .orElseThrow(() ->
                        Problems.invalidParameter("sort", "sort muss einer von " + InboxOrder.parameters() + " sein."));
        if (registryResult != null && !REGISTRY_RESULTS.contains(registryResult)) {
            throw Problems.invalidParameter(
                    "registryResult", "registryResult muss einer von " + REGISTRY_RESULTS + " sein.");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw Problems.invalidParameter("status", "status muss einer von " + STATUSES + " sein.");
        }
        if (limit < 1 || limit > 200) {
            throw Problems.invalidParameter("limit", "limit muss zwischen 1 und 200 liegen.");
        }
        CaseQueries.Cursor cursor;
        try {
            cursor = after == null ? null : CaseQueries.Cursor.decode(after);
        } catch (RuntimeException e) {
            throw Problems.invalidParameter("after", "after ist kein gültiger Cursor dieser Liste.");
        }
        return queries.inbox(
                clerk().authority(), new InboxFilter(status, service, assignee, registryResult), order, cursor, limit);
    }

    /**
     * Server-Sent Events of the clerk's authority: every case event, with its outbox position as event
     * id; a reconnect with {@code Last-Event-ID} continues without gap or repetition.
     */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Long after = lastEventId == null || lastEventId.isBlank() ? null : eventNumber(lastEventId.trim());
        return liveInbox
                .follow(clerk().authority(), after)
                .map(event -> sse.newEventBuilder()
                        .id(String.valueOf(event.id()))
                        .name(event.type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(event.data())
                        .build());
    }

    /** The audit trail of a case: every step, who took it and when. */
    @GET
    @Path("/{id}/history")
    public Uni<List<CaseDetails.HistoryEntry>> history(@PathParam("id") UUID id) {
        return queries.history(clerk().authority(), id)
                .map(found ->
                        found.orElseThrow(() -> Problems.notFound("Es gibt keinen Vorgang " + id + " Ihrer Behörde.")));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> one(@PathParam("id") UUID id) {
        return queries.details(clerk().authority(), id)
                .map(found ->
                        found.orElseThrow(() -> Problems.notFound("Es gibt keinen Vorgang " + id + " Ihrer Behörde.")))
                // The revision is the ETag: steps sent with If-Match fail with 412 if the case changed meanwhile.
                .map(details -> Response.ok(details)
                        .tag(String.valueOf(details.revision()))
                        .build());
    }

    /** An event id of this stream: its number in the case-event log, never negative. */
    private static long eventNumber(String lastEventId) {
        try {
            long number = Long.parseLong(lastEventId);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a negative number
        }
        throw Problems.invalidParameter(
                "Last-Event-ID", "Last-Event-ID muss die Nummer eines Ereignisses dieses Stroms sein.");
    }

    private Clerk clerk() {
        return Clerk.ofAuthority(token);
    }

    /** The values a filter accepts, in the enum's order, so that the refusal lists them as a clerk reads them. */
    private static Set<String> names(Enum<?>[] values, String... more) {
        Set<String> names = new LinkedHashSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        names.addAll(List.of(more));
        return Collections.unmodifiableSet(names);
    }
}
