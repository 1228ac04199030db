package org.amtsweg.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** A plausible value for a schema: the well-formed starting point that each mutation then breaks in one place. */
final class Example {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Example() {}

    static JsonNode of(ApiOperation operation, JsonNode schema) {
        return of(operation, schema, 0);
    }

    private static JsonNode of(ApiOperation operation, JsonNode reference, int depth) {
        JsonNode schema = operation.resolve(reference);
        if (schema == null || schema.isMissingNode()) {
            return NODES.objectNode().put("feld", "wert");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return of(operation, schema.get(combinator).get(0), depth);
            }
        }
        String type = schema.path("type").isArray()
                ? schema.path("type").get(0).asText()
                : schema.path("type").asText("object");
        switch (type) {
            case "string":
                return NODES.textNode(text(schema.path("format").asText("")));
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(of(operation, schema.path("items"), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                if (!properties.hasNext()) {
                    return object.put("feld", "wert");
                }
                while (properties.hasNext() && depth < 4) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), of(operation, property.getValue(), depth + 1));
                }
                return object;
            }
        }
    }

    static String text(String format) {
        return switch (format) {
            case "date" -> "2026-12-01";
            case "date-time" -> "2026-12-01T10:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            case "binary" -> "%PDF-1.4";
            default -> "wert";
        };
    }

    /** A value for a path or query parameter of this schema. */
    static String parameter(ApiOperation operation, JsonNode schema) {
        JsonNode example = of(operation, schema);
        return example.isTextual() ? example.textValue() : example.isValueNode() ? example.asText() : "wert";
    }
}
