package org.amtsweg.identity.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.scim.AdministeringClient;
import org.amtsweg.identity.scim.AdministeringClients;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Violation;
import org.amtsweg.resourceserver.security.SecurityProblems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/clients}: the specialist-procedure clients of the authorities, for the same callers as SCIM
 * (the operator's client, or an authority's own, which sees and registers only its authority's clients).
 */
@Path("/admin/clients")
@Tag(
        name = "Procedure clients",
        description = "Registration of specialist-procedure (Fachverfahren) clients at run time")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureClientsResource {

    private final AdministeringClients callers;
    private final ProcedureClients clients;
    private final IdentityConfig config;

    public ProcedureClientsResource(AdministeringClients callers, ProcedureClients clients, IdentityConfig config) {
        this.callers = callers;
        this.clients = clients;
        this.config = config;
    }

    /** The body of a registration: both optional for an authority's own client (its authority, procedure-&lt;authority&gt;). */
    public record Registration(String clientId, String authority) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a procedure client",
            description = "client_credentials, scope handover, audience case-service, role procedure, "
                    + "for the authority; the answer carries the generated clientSecret, shown this once")
    public Uni<Response> register(@HeaderParam("Authorization") String authorization, JsonNode body) {
        AdministeringClient caller = caller(authorization);
        if (body != null && !body.isObject()) {
            throw PlatformProblem.MALFORMED_BODY.problem("Der Inhalt muss ein JSON-Objekt sein.");
        }
        List<Violation> violations = new ArrayList<>();
        String clientId = text(body, "clientId", violations);
        String authority = text(body, "authority", violations);
        if (!violations.isEmpty()) {
            throw PlatformProblem.validationFailed(violations, "Der Client wurde nicht registriert.");
        }
        return clients.register(caller, clientId, authority)
                .map(issued -> Response.created(URI.create(config.issuer() + "/admin/clients/"
                                + issued.view().path("clientId").asText()))
                        .header("Cache-Control", "no-store")
                        .entity(withSecret(issued))
                        .build());
    }

    @GET
    @Operation(summary = "The procedure clients this caller manages")
    public Uni<Map<String, Object>> list(@HeaderParam("Authorization") String authorization) {
        AdministeringClient caller = caller(authorization);
        return clients.all(caller).map(all -> Map.of("clients", all));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One procedure client (without secret)")
    public Uni<ObjectNode> get(
            @HeaderParam("Authorization") String authorization, @PathParam("clientId") String clientId) {
        return clients.one(caller(authorization), clientId);
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(
            summary = "Rotate the secret",
            description = "The old secret stops working at once; the new one is shown this once")
    public Uni<Response> rotate(
            @HeaderParam("Authorization") String authorization, @PathParam("clientId") String clientId) {
        return clients.rotate(caller(authorization), clientId)
                .map(issued -> Response.ok(withSecret(issued))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable the client", description = "Its secret is refused from now on (invalid_client)")
    public Uni<ObjectNode> disable(
            @HeaderParam("Authorization") String authorization, @PathParam("clientId") String clientId) {
        return clients.disable(caller(authorization), clientId);
    }

    private AdministeringClient caller(String authorization) {
        var token = callers.token(authorization).orElseThrow(SecurityProblems::unauthenticated);
        return callers.mayAdminister(token)
                .orElseThrow(() -> PlatformProblem.FORBIDDEN.problem(
                        "Verfahrens-Clients verwalten nur Clients mit dem Scope scim."));
    }

    private static ObjectNode withSecret(ProcedureClients.Issued issued) {
        ObjectNode view = issued.view().deepCopy();
        view.put("clientSecret", issued.secret());
        return view;
    }

    private static String text(JsonNode body, String field, List<Violation> violations) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(
                    "/" + field, "type", field + " muss eine Zeichenkette sein.", field + " must be a string"));
            return null;
        }
        return value.asText();
    }
}
