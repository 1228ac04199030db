package org.amtsweg.catalog.responsibility;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.authority.AuthorityDirectory;
import org.amtsweg.catalog.authority.AuthorityView;

/** {@code GET /responsibility?service=&ags=} — the responsible authority (Zuständigkeit), with its branding. */
@Path("/responsibility")
public class ResponsibilityResource {

    private final ResponsibilityResolver resolver;
    private final AuthorityDirectory authorities;

    public ResponsibilityResource(ResponsibilityResolver resolver, AuthorityDirectory authorities) {
        this.resolver = resolver;
        this.authorities = authorities;
    }

    /** The answer: who is responsible, by which rule, and the authority itself (name, contact, branding). */
    public record ResponsibilityView(String service, String ags, String matchedArea, AuthorityView authority) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ResponsibilityView> responsibility(@QueryParam("service") String service, @QueryParam("ags") String ags) {
        if (service == null || service.isBlank()) {
            throw Problems.invalidParameter("service", "Der Parameter service (Schlüssel der Leistung) fehlt.");
        }
        if (!AreaHierarchy.isAgs(ags)) {
            throw Problems.invalidParameter("ags", "Der Parameter ags muss ein 8-stelliger Amtlicher Gemeindeschlüssel sein.");
        }
        return resolver.resolve(service, ags).chain(found -> {
            if (found.isEmpty()) {
                throw Problems.noResponsibility(service, ags);
            }
            ResponsibilityResolver.Responsibility responsibility = found.get();
            return authorities.find(responsibility.authorityId()).map(authority -> new ResponsibilityView(
                    service, ags, responsibility.matchedArea(), authority.orElseThrow()));
        });
    }
}
