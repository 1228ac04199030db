package org.amtsweg.catalog.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalogue search as SQL: German full text (stemming) or trigram similarity (typos), ranked with
 * an exact name match first, filtered and paged. Every user value is a bound parameter.
 *
 * @param text        what the citizen typed; blank lists everything
 * @param authorityId whose availability to show and filter on; null for none
 */
public record ServiceQuery(String text, String topic, Boolean booster, String handling, String authorityId,
                           String availability, int page, int size) {

    /** The SQL and its parameters, in order. */
    public record Sql(String statement, List<Object> parameters) {
    }

    public Sql toSql() {
        List<Object> parameters = new ArrayList<>();
        parameters.add(text == null ? "" : text.trim());
        parameters.add(authorityId);
        StringBuilder where = new StringBuilder("WHERE ($1 = '' OR ss.document @@ websearch_to_tsquery('german', $1) OR lower($1) <% ss.words)");
        if (topic != null) {
            parameters.add(topic);
            where.append(" AND s.topic = $").append(parameters.size());
        }
        if (booster != null) {
            parameters.add(booster);
            where.append(" AND s.booster = $").append(parameters.size());
        }
        if (handling != null) {
            parameters.add(handling);
            where.append(" AND s.handling = $").append(parameters.size());
        }
        if (availability != null) {
            parameters.add(availability);
            where.append(" AND a.state = $").append(parameters.size());
        }
        parameters.add(size);
        String limit = "$" + parameters.size();
        // As a long: page 2,147,483,647 is far past the end (an empty page), not an int overflow into a negative offset.
        parameters.add((long) page * size);
        String offset = "$" + parameters.size();
        String statement = """
                SELECT s.key, s.name, s.short_description, s.topic, s.handling, s.handling_url, s.booster, s.efa,
                       s.minimum_trust_level, a.state AS availability, a.local_title,
                       count(*) OVER () AS total
                FROM service s
                JOIN service_search ss ON ss.service_key = s.key
                LEFT JOIN availability a ON a.service_key = s.key AND a.authority_id = $2
                %s
                ORDER BY (lower(s.name) = lower($1) OR lower($1) = ANY(SELECT lower(x) FROM unnest(s.synonyms) x)) DESC,
                         (ts_rank(ss.document, websearch_to_tsquery('german', $1)) + word_similarity(lower($1), ss.words)) DESC,
                         s.name
                LIMIT %s OFFSET %s""".formatted(where, limit, offset);
        return new Sql(statement, parameters);
    }
}
