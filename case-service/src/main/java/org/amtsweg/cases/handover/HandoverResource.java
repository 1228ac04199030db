package org.amtsweg.cases.handover;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.handover.events.HandoverEventLog;
import org.amtsweg.cases.handover.events.PlatformKey;
import org.amtsweg.cases.handover.events.SecurityEventTokens;
import org.amtsweg.cases.handover.push.DeliveryJobs;
import org.amtsweg.cases.handover.registration.HandoverRegistration;
import org.amtsweg.cases.handover.registration.HandoverRegistrations;
import org.amtsweg.cases.security.Administrator;
import org.amtsweg.cases.security.Clerk;
import org.amtsweg.cases.work.CaseWork;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The handover to the specialist procedures (Fachverfahren). The pull feed: decided cases awaiting takeover,
 * each case's export and the acknowledgement being steps on the case ({@code /cases/{id}/export},
 * {@code /cases/{id}/handover}) — nothing twice, nothing lost. For push (issue 18): the platform's public
 * delivery key, the procedures' signed answers (SETs), and what the operator watches (failed deliveries,
 * overdue cases).
 */
@Path("/handover")
@RolesAllowed({"clerk", "supervisor", "procedure"})
public class HandoverResource {

    /** RFC 8417 §2.3: the media type of a Security Event Token. */
    public static final String SECEVENT_JWT = "application/secevent+jwt";

    private final CaseHandover handover;
    private final JsonWebToken token;
    private final PlatformKey platformKey;
    private final DeliveryJobs deliveries;
    private final TakeoverDeadline deadline;
    private final HandoverRegistrations registrations;
    private final SecurityEventTokens tokens;
    private final HandoverEventLog log;
    private final CaseWork work;
    private final CaseConfig config;

    public HandoverResource(
            CaseHandover handover,
            JsonWebToken token,
            PlatformKey platformKey,
            DeliveryJobs deliveries,
            TakeoverDeadline deadline,
            HandoverRegistrations registrations,
            SecurityEventTokens tokens,
            HandoverEventLog log,
            CaseWork work,
            CaseConfig config) {
        this.handover = handover;
        this.token = token;
        this.platformKey = platformKey;
        this.deliveries = deliveries;
        this.deadline = deadline;
        this.registrations = registrations;
        this.tokens = tokens;
        this.log = log;
        this.work = work;
        this.config = config;
    }

    /** The pull feed: decided cases of the caller's authority that no procedure has taken over yet. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<CaseHandover.Pending>> pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        checkLimit(limit);
        return handover.pending(clerk().authority(), limit);
    }

    /** The platform's public keys: they verify the signature of every push delivery and the platform's SETs. */
    @GET
    @Path("/jwks")
    @PermitAll
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The platform's public delivery keys (JWKS): verify deliveries and the platform's SETs")
    public Uni<Response> jwks() {
        return platformKey
                .jwks()
                .map(keys -> Response.ok(keys)
                        .header("Cache-Control", "public, max-age=3600")
                        .build());
    }

    /**
     * The procedure's answer to a delivered (or fetched) case: a SET (RFC 8417) signed with the key its authority
     * registered, with one event, {@code …/accepted} (the case is HANDED_OVER) or {@code …/rejected} with a reason.
     */
    @POST
    @Path("/events")
    @RolesAllowed("procedure")
    @Consumes(SECEVENT_JWT)
    @Operation(
            summary =
                    "A procedure's signed acknowledgement or rejection (SET, application/secevent+jwt); 202 when recorded")
    public Uni<Response> answer(String securityEvent) {
        Clerk procedure = clerk();
        return registrations
                .find(procedure.authority())
                .chain(registration -> {
                    SecurityEventTokens.Answer answer = tokens.verify(
                            securityEvent,
                            procedure.authority(),
                            registration.map(HandoverRegistration::signingKey).orElse(null));
                    return work.answerHandover(
                            procedure,
                            answer.caseId(),
                            answer.accepted(),
                            answer.reason(),
                            connection -> log.record(
                                            connection,
                                            answer.caseId(),
                                            answer.issuer(),
                                            answer.jti(),
                                            answer.event(),
                                            answer.reason(),
                                            answer.token())
                                    .map(recorded -> {
                                        if (!recorded) {
                                            throw Problems.invalidSecurityEvent(
                                                    "invalid_request",
                                                    "Die Kennung (jti) " + answer.jti() + " ist schon verwendet.");
                                        }
                                        return recorded;
                                    })
                                    .replaceWithVoid());
                })
                .replaceWith(Response.accepted().build());
    }

    /** Push deliveries in a state (FAILED: the dead letters), of the administrator's authority or, for the operator, of all. */
    @GET
    @Path("/deliveries")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Push deliveries by state (PENDING, DELIVERED, FAILED, REJECTED); the operator sees every authority's")
    public Uni<List<DeliveryJobs.Delivery>> deliveries(
            @QueryParam("state") @DefaultValue("FAILED") String state,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        String wanted = state.toUpperCase(Locale.ROOT);
        if (!DeliveryJobs.STATES.contains(wanted)) {
            throw Problems.invalidParameter(
                    "state", "state ist einer von " + String.join(", ", DeliveryJobs.STATES) + ".");
        }
        checkLimit(limit);
        return deliveries.list(wanted, administrator().scope(), limit);
    }

    /** Decided cases not taken over within the takeover period. */
    @GET
    @Path("/overdue")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decided cases not taken over within the takeover period (default 14 days)")
    public Uni<List<TakeoverDeadline.Overdue>> overdue(@QueryParam("limit") @DefaultValue("100") int limit) {
        checkLimit(limit);
        return deadline.overdue(administrator().scope(), limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problems.invalidParameter("limit", "limit muss zwischen 1 und 1000 liegen.");
        }
    }

    private Administrator administrator() {
        return Administrator.from(token, config.handover().operatorAuthority());
    }

    private Clerk clerk() {
        return Clerk.ofAuthority(token);
    }
}
