package org.amtsweg.portal.branding;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.amtsweg.portal.api.CatalogApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An authority's logo and colours from the portal's own origin: the logo passes through from the
 * catalogue, the colours come as a stylesheet, so that the pages need no inline style under their CSP.
 */
@Path("/behoerden/{id}")
public class BrandingResource {

    private final CatalogApi catalog;

    public BrandingResource(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/logo")
    public Response logo(@PathParam("id") String id) {
        requireId(id);
        try (Response logo = catalog.logo(id)) {
            byte[] image = logo.readEntity(byte[].class);
            return Response.ok(image, logo.getMediaType())
                    // An SVG opened directly runs no script here: its own CSP forbids everything.
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header("Cache-Control", "public, max-age=3600")
                    .build();
        }
    }

    @GET
    @Path("/farben.css")
    @Produces("text/css")
    public Response colours(@PathParam("id") String id) {
        requireId(id);
        Authority authority = Authority.of(catalog.authority(id));
        String css = ":root { --marke: " + authority.primaryColor() + "; --marke-hell: " + authority.secondaryColor()
                + "; }\n";
        return Response.ok(css).header("Cache-Control", "public, max-age=300").build();
    }

    private static void requireId(String id) {
        if (!Authority.ID.matcher(id).matches() || id.length() > 64) {
            throw new NotFoundException();
        }
    }
}
