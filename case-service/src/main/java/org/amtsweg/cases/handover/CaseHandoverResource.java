package org.amtsweg.cases.handover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.handover.events.HandoverEventLog;
import org.amtsweg.cases.security.Clerk;
import org.amtsweg.cases.work.CaseWork;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The handover of one case to its specialist procedure: the export as JSON or as XML valid against
 * {@code /schemas/case-export-1.xsd} (chosen by {@code Accept}), and the takeover acknowledgement. The
 * procedure calls it with its own client's token (role {@code procedure}); clerks may look too.
 */
@Path("/cases/{id}")
@RolesAllowed({"clerk", "supervisor", "procedure"})
public class CaseHandoverResource {

    private static final XmlMapper XML = XmlMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true)
            .build();

    private final CaseHandover handover;
    private final CaseWork work;
    private final JsonWebToken token;
    private final HandoverEventLog log;

    public CaseHandoverResource(CaseHandover handover, CaseWork work, JsonWebToken token, HandoverEventLog log) {
        this.handover = handover;
        this.work = work;
        this.token = token;
        this.log = log;
    }

    /** The case's signed handover log: the platform's SETs (delivered, delivery-failed) and the procedure's (accepted, rejected). */
    @GET
    @Path("/handover/events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's signed handover event log (each SET as compact JWS)")
    public Uni<List<HandoverEventLog.Entry>> events(@PathParam("id") UUID id) {
        return handover.belongs(Clerk.ofAuthority(token).authority(), id).chain(belongs -> {
            if (!belongs) {
                throw Problems.notFound("Es gibt keinen Vorgang " + id + " Ihrer Behörde.");
            }
            return log.of(id);
        });
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CaseExport> export(@PathParam("id") UUID id) {
        return find(id);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_XML)
    public Uni<Response> exportAsXml(@PathParam("id") UUID id) {
        return find(id).map(export -> {
            try {
                return Response.ok(
                                XML.writeValueAsString(XmlText.replaceForbidden(export.withoutData())),
                                MediaType.APPLICATION_XML_TYPE)
                        .build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the XML export", e);
            }
        });
    }

    /** The procedure confirms the takeover: the case is HANDED_OVER and leaves the feed. */
    @POST
    @Path("/handover")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> acknowledge(@PathParam("id") UUID id) {
        return work.handOver(Clerk.ofAuthority(token), id)
                .replaceWith(Response.noContent().build());
    }

    private Uni<CaseExport> find(UUID id) {
        return handover.export(Clerk.ofAuthority(token).authority(), id)
                .map(found ->
                        found.orElseThrow(() -> Problems.notFound("Es gibt keinen Vorgang " + id + " Ihrer Behörde.")));
    }
}
