package org.amtsweg.cases.handover.registration;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.Problems;
import org.amtsweg.cases.security.Administrator;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An authority's administrator registers how its specialist procedure takes cases over (pull or push, the
 * endpoint, the procedure's public keys); the platform operator's administrators may do it for any authority.
 */
@Path("/handover/registrations/{authority}")
@RolesAllowed("admin")
@Tag(name = "Handover administration")
public class HandoverRegistrationResource {

    /** An authority's id as the catalogue spells it (e.g. {@code stadt-hagen}). */
    private static final Pattern AUTHORITY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final HandoverRegistrations registrations;
    private final JsonWebToken token;
    private final CaseConfig config;

    public HandoverRegistrationResource(HandoverRegistrations registrations, JsonWebToken token, CaseConfig config) {
        this.registrations = registrations;
        this.token = token;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The authority's handover registration (public keys only)")
    public Uni<HandoverRegistration> read(@PathParam("authority") String authority) {
        administrator(authority);
        return registrations
                .find(authority)
                .map(found -> found.orElseThrow(() -> Problems.notFound("Für " + authority
                        + " ist keine Übergabe registriert; das Fachverfahren holt Fälle über GET /handover ab.")));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register or change how the authority's procedure takes cases over (audited)",
            description =
                    "mode pull or push; push needs an https endpoint, an RSA encryption key (JWK, ≥ 2048 bit, use enc) and a signing key (JWK). "
                            + "201 when new, 200 when changed; every change is published as AdministrativeChange.")
    public Uni<Response> register(@PathParam("authority") String authority, RegistrationInput input) {
        Administrator admin = administrator(authority);
        if (input == null) {
            throw Problems.invalidParameter(null, "Die Registrierung fehlt im Inhalt der Anfrage.");
        }
        return registrations
                .register(admin, authority, input)
                .chain(created -> registrations
                        .find(authority)
                        .map(found -> Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                                .entity(found.orElseThrow())
                                .build()));
    }

    private Administrator administrator(String authority) {
        if (!AUTHORITY.matcher(authority).matches()) {
            throw Problems.invalidParameter(
                    "authority",
                    "authority ist die Kennung einer Behörde: Kleinbuchstaben, Ziffern und Bindestriche, höchstens 100 Zeichen.");
        }
        Administrator admin = Administrator.from(token, config.handover().operatorAuthority());
        admin.mayAdminister(authority);
        return admin;
    }
}
