package org.amtsweg.portal.clerk;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.CaseApi;
import org.amtsweg.portal.api.CaseEventsApi;
import org.amtsweg.portal.api.Json;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The clerk's inbox: the authority's cases with the API's status filter and keyset paging, kept live
 * by relaying case-service's Server-Sent Events of that authority — with the clerk's own token, and
 * resuming after a dropped connection from the browser's {@code Last-Event-ID}.
 */
@Path("/sachbearbeitung")
public class InboxPages {

    private static final Set<String> STATUSES =
            Set.of("RECEIVED", "IN_REVIEW", "INFORMATION_REQUESTED", "DECIDED", "HANDED_OVER", "CLOSED", "WITHDRAWN");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,200}");
    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,19}");

    private final CaseApi cases;
    private final CaseEventsApi events;
    private final Workspace workspace;
    private final Template inbox;
    private final Template rows;

    public InboxPages(
            @RestClient CaseApi cases,
            @RestClient CaseEventsApi events,
            Workspace workspace,
            @Location("inbox.html") Template inbox,
            @Location("inbox-rows.html") Template rows) {
        this.cases = cases;
        this.events = events;
        this.workspace = workspace;
        this.inbox = inbox;
        this.rows = rows;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance inbox(@QueryParam("status") String status, @QueryParam("nach") String after) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        String cursor = after != null && CURSOR.matcher(after).matches() ? after : null;
        var page = cases.inbox(filter, cursor, 50);
        return inbox.data("frame", workspace.frame())
                .data("cases", Json.list(page.path("items")))
                .data("next", page.path("next").asText(null))
                .data("status", filter == null ? "" : filter)
                .data("statuses", List.of("RECEIVED", "IN_REVIEW", "INFORMATION_REQUESTED", "DECIDED", "HANDED_OVER"));
    }

    /** The table's rows alone, which the live script puts in place when an event arrives. */
    @GET
    @Path("posteingang/zeilen")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rows(@QueryParam("status") String status) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        return rows.data("cases", Json.list(cases.inbox(filter, null, 50).path("items")));
    }

    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String resume =
                lastEventId != null && EVENT_ID.matcher(lastEventId.trim()).matches() ? lastEventId.trim() : null;
        return events.follow(resume)
                .filter(event -> event.name() != null && event.id() != null)
                // Only what the inbox needs to know that something changed: the type and the case; the data stays
                // behind the API.
                .map(event -> sse.newEventBuilder()
                        .id(event.id())
                        .name(event.name())
                        .data(event.name())
                        .build());
    }
}
