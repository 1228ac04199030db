package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A stored row (as {@code to_jsonb} writes it, in the table's column names) in the shape the administration API takes
 * it ({@link AuthorityInput}, {@link ServiceInput}, …): so that an audit record's and an {@code AdministrativeChange}'s
 * "before" reads like its "after", and neither names a column.
 */
final class AdministeredShape {

    private AdministeredShape() {}

    /**
     * @param renamed column names (after camel-casing) whose field is called otherwise, e.g. {@code leikaType → type}
     */
    static JsonNode of(ObjectMapper mapper, JsonNode row, Class<?> shape, Map<String, String> renamed) {
        if (row == null) {
            return null;
        }
        Object typed = mapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .convertValue(camel(mapper, row, renamed), shape);
        return mapper.valueToTree(typed);
    }

    private static JsonNode camel(ObjectMapper mapper, JsonNode node, Map<String, String> renamed) {
        if (node.isArray()) {
            ArrayNode array = mapper.createArrayNode();
            node.forEach(element -> array.add(camel(mapper, element, renamed)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = mapper.createObjectNode();
        node.fields().forEachRemaining(field -> {
            String name = camel(field.getKey());
            object.set(renamed.getOrDefault(name, name), camel(mapper, field.getValue(), renamed));
        });
        return object;
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
