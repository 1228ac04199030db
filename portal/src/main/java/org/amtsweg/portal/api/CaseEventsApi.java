package org.amtsweg.portal.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.portal.session.PersonsToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** case-service's Server-Sent Events of the clerk's authority; a client of its own for its long read timeout. */
@RegisterClientHeaders(PersonsToken.class)
@RegisterRestClient(configKey = "cases-live")
public interface CaseEventsApi {

    @GET
    @Path("/cases/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> follow(@HeaderParam("Last-Event-ID") String lastEventId);
}
