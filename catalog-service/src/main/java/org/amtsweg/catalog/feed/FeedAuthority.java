package org.amtsweg.catalog.feed;

import java.util.List;

/**
 * An authority (Behörde, in XZuFi an Organisationseinheit) as the feed shows it: name, the municipalities it serves and
 * its corporate identity. Schema: {@code /schemas/feed/authority.schema.json}.
 *
 * @param href the catalogue's own representation ({@code /authorities/{id}}), relative to the feed
 */
public record FeedAuthority(
        String id, String name, String kind, List<String> agsCodes, Contact contact, Branding branding, String href) {

    public record Contact(
            String streetAddress, String postalCode, String locality, String email, String phone, String website) {}

    /** {@code logoUrl} is relative to the feed, the colours are {@code #rrggbb}. */
    public record Branding(
            String logoUrl,
            String primaryColor,
            String secondaryColor,
            String nameLine,
            String imprintUrl,
            String privacyUrl) {}
}
