package org.amtsweg.catalog.authority;

import java.util.List;

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

    public record Contact(String streetAddress, String postalCode, String locality, String email, String phone, String website) {
    }

    /** Corporate identity; {@code logoUrl} is served by the catalogue itself. */
    public record Branding(String logoUrl, String primaryColor, String secondaryColor, String nameLine,
                           String imprintUrl, String privacyUrl) {
    }
}
