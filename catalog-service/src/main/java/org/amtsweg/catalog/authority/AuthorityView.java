package org.amtsweg.catalog.authority;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An authority (Behörde) as portals show it: every page a citizen sees carries this name, logo and
 * colours, so that she knows which authority she is dealing with even on a central EfA service.
 *
 * @param referencePrefix the prefix of this authority's reference numbers (Aktenzeichen), e.g. {@code HA}
 */
public record AuthorityView(
        String id,
        String name,
        String kind,
        List<String> agsCodes,
        String referencePrefix,
        Contact contact,
        Branding branding) {

    public record Contact(
            @Schema(nullable = true) String streetAddress,
            @Schema(nullable = true) String postalCode,
            @Schema(nullable = true) String locality,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String website) {}

    /** Corporate identity; {@code logoUrl} is served by the catalogue itself. */
    public record Branding(
            @Schema(nullable = true) String logoUrl,
            @Schema(nullable = true) String primaryColor,
            @Schema(nullable = true) String secondaryColor,
            @Schema(nullable = true) String nameLine,
            @Schema(nullable = true) String imprintUrl,
            @Schema(nullable = true) String privacyUrl) {}
}
