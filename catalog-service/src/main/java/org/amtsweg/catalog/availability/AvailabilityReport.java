package org.amtsweg.catalog.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an authority offers, per service, and the summary a council asks for: how many of the 35
 * booster services are online here, in total and by Themenfeld, against the OZG scope of 575.
 */
public record AvailabilityReport(String authority, List<Entry> services, Summary summary) {

    /** The OZG's scope: 575 service bundles (OZG-Leistungen). */
    public static final int OZG_SCOPE = 575;

    public record Entry(
            String service,
            String name,
            String topic,
            boolean booster,
            String state,
            LocalDate since,
            String localTitle,
            String note) {}

    /**
     * @param boosterOnline booster services used online here: {@code online}, or {@code external} via another portal
     * @param byTopic       per Themenfeld ("ohne Themenfeld" where the catalogue has none): booster services and how many are online
     */
    public record Summary(
            int boosterTotal,
            int boosterOnline,
            int boosterExternal,
            int boosterPlanned,
            int ozgScope,
            Map<String, TopicCount> byTopic) {}

    public record TopicCount(int booster, int online) {}
}
