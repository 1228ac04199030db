package org.amtsweg.catalog.search;

import java.util.HashMap;
import java.util.Map;

/**
 * A catalogue search as SQL: German full text (stemming) or trigram similarity (typos), ranked with
 * an exact name match first, filtered and paged. Every user value is a bound parameter.
 *
 * @param text        what the citizen typed; blank lists everything
 * @param authorityId whose availability to show and filter on; null for none
 */
public record ServiceQuery(
        String text,
        String topic,
        Boolean booster,
        String handling,
        String authorityId,
        String availability,
        int page,
        int size) {

    /** The SQL and its parameters, by name. */
    public record Sql(String statement, Map<String, Object> parameters) {}

    public Sql toSql() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("text", text == null ? "" : text.trim());
        parameters.put("authority", authorityId);
        StringBuilder where = new StringBuilder("WHERE (#{text} = ''"
                + " OR ss.document @@ websearch_to_tsquery('german', #{text}) OR lower(#{text}) <% ss.words)");
        if (topic != null) {
            parameters.put("topic", topic);
            where.append(" AND s.topic = #{topic}");
        }
        if (booster != null) {
            parameters.put("booster", booster);
            where.append(" AND s.booster = #{booster}");
        }
        if (handling != null) {
            parameters.put("handling", handling);
            where.append(" AND s.handling = #{handling}");
        }
        if (availability != null) {
            parameters.put("availability", availability);
            where.append(" AND a.state = #{availability}");
        }
        parameters.put("size", size);
        // As a long: page 2,147,483,647 is far past the end (an empty page), not an int overflow into a negative
        // offset.
        parameters.put("offset", (long) page * size);
        String statement = """
                SELECT s.key, s.name, s.short_description, s.topic, s.handling, s.handling_url, s.booster, s.efa,
                       s.minimum_trust_level, a.state AS availability, a.local_title,
                       count(*) OVER () AS total
                FROM service s
                JOIN service_search ss ON ss.service_key = s.key
                LEFT JOIN availability a ON a.service_key = s.key AND a.authority_id = #{authority}
                %s
                ORDER BY (lower(s.name) = lower(#{text})
                             OR lower(#{text}) = ANY(SELECT lower(x) FROM unnest(s.synonyms) x)) DESC,
                         (ts_rank(ss.document, websearch_to_tsquery('german', #{text}))
                             + word_similarity(lower(#{text}), ss.words)) DESC,
                         s.name
                LIMIT #{size} OFFSET #{offset}""".formatted(where);
        return new Sql(statement, parameters);
    }
}
