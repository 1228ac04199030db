package org.amtsweg.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The services' JSON answers as maps and lists, which the page templates read by name ({@code service.name}). */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : MAPPER.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : MAPPER.convertValue(node, List.class);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
