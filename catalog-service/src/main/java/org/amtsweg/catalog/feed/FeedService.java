package org.amtsweg.catalog.feed;

import java.time.LocalDate;
import java.util.List;

/**
 * A service (Leistung) as the Portalverbund feed shows it to other portals: what it is (OZG-ID, LeiKa IDs, Themenfeld),
 * how it is handled, and which authorities offer it, each with its availability and the deep links into the online service
 * for the municipalities it serves. Schema: {@code /schemas/feed/service.schema.json}.
 *
 * @param href   the catalogue's own representation ({@code /services/{key}}), relative to the feed
 * @param form   the current published form version, or null where none is published
 * @param offers every authority with an availability or a responsibility for it, by id
 */
public record FeedService(
        String key,
        String name,
        String description,
        String ozgId,
        List<Leika> leika,
        String topic,
        String situation,
        Handling handling,
        String minimumTrustLevel,
        boolean efa,
        String efaOperator,
        boolean booster,
        String form,
        String href,
        List<Offer> offers) {

    /** A LeiKa entry (Leistungsschlüssel) of the service. */
    public record Leika(String leikaId, String name, String type) {}

    /** {@code online} here, {@code external} (url) or {@code in-person}. */
    public record Handling(String mode, String url, String note) {}

    /**
     * One authority's offer of the service.
     *
     * @param availability   null where the authority is responsible but has said nothing about its availability
     * @param responsibleFor the areas (AGS, state code, {@code DE}) it is responsible for, as administered
     * @param onlineService  per municipality of its own where it is the responsible authority and the service is
     *                       {@code online} or {@code external} there: the portal's deep link
     */
    public record Offer(
            String authority,
            String authorityName,
            String authorityHref,
            Availability availability,
            List<String> responsibleFor,
            List<DeepLink> onlineService) {}

    public record Availability(String state, LocalDate since, String localTitle, String note) {}

    /** {@code {portal}/antrag/{service}?ags={ags}}: lands on the authority's branded start of the service. */
    public record DeepLink(String ags, String url) {}
}
