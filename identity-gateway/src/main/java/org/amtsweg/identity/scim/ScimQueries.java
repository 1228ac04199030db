package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code filter}, {@code startIndex} and {@code count} of a SCIM list request (RFC 7644 §3.4.2). The filter
 * grammar is UnboundID's parser, evaluated on each resource's representation, so that a filter means exactly
 * what it would on any SCIM provider (every attribute, every operator, {@code and}/{@code or}/{@code not}).
 */
public final class ScimQueries {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 500;

    private ScimQueries() {}

    public static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return Filter.fromString(filter);
        } catch (ScimException e) {
            throw new ScimError(400, "invalidFilter", "the filter is not valid: " + e.getMessage());
        }
    }

    public static ObjectNode page(List<ObjectNode> resources, String filterText, Integer startIndex, Integer count) {
        Filter filter = parse(filterText);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode resource : resources) {
            try {
                if (filter == null || FilterEvaluator.evaluate(filter, resource)) {
                    matching.add(resource);
                }
            } catch (ScimException e) {
                throw new ScimError(400, "invalidFilter", "the filter cannot be applied: " + e.getMessage());
            }
        }
        // RFC 7644 §3.4.2.4: a startIndex below 1 counts as 1, a negative count as 0.
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        int from = Math.min(start - 1, matching.size());
        int to = Math.min(from + size, matching.size());
        return ScimRepresentations.list(matching.subList(from, to), matching.size(), start);
    }

    /** {@code If-Match}: absent, {@code *}, or one of the listed ETags must be the current one (else 412). */
    public static void requireMatch(String ifMatch, String etag) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        if (!matches(ifMatch, etag)) {
            throw ScimError.preconditionFailed();
        }
    }

    /** Whether an {@code If-Match}/{@code If-None-Match} list names the ETag (weak comparison, RFC 9110 §8.8.3.2). */
    public static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        String wanted = strip(etag);
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || strip(value).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
