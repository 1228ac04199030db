package org.amtsweg.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutations a hostile client sends to one operation: each breaks a well-formed request in one
 * place — a parameter, a body property, the body as a whole, its encoding.
 */
final class HostileProbes {

    private static final String HOLE = "@@hostile@@";

    /** JSON fragments no service may accept in place of any value. */
    private static final Map<String, String> REFUSED_VALUES = Map.of(
            "NUL in text", "\"Er\\u0000ika\"",
            "lone surrogate", "\"a\\ud800b\"",
            "vertical tab (forbidden in XML)", "\"a\\u000bb\"",
            "U+FFFE", "\"\\ufffe\"",
            "non-finite number", "1e400",
            "10,000-deep nesting", "[".repeat(10_000) + "]".repeat(10_000));

    /** JSON fragments a service may accept (free-form data, optional fields), but must never fail on. */
    private static final Map<String, String> ODD_VALUES = Map.of(
            "null", "null",
            "number for anything", "12345",
            "huge integer", "123456789012345678901234567890",
            "list for anything", "[]",
            "object for anything", "{}",
            "boolean for anything", "true",
            "long text", "\"" + "x".repeat(5_000) + "\"");

    private static final Map<String, String> REFUSED_PARAMETERS =
            Map.of("NUL", "a\u0000b", "vertical tab", "a\u000Bb", "U+FFFE", "\uFFFE", "unit separator", "\u001F");
    private static final Map<String, String> ODD_PARAMETERS = Map.of(
            "long",
            "x".repeat(3_000),
            "negative",
            "-1",
            "not a number",
            "abc",
            "huge",
            "1e400",
            "path traversal",
            "../../x",
            "quotes and operators",
            "'\"&|!:*()\\",
            "empty",
            "");

    private HostileProbes() {}

    static List<HostileProbe> of(ApiOperation operation, Map<String, String> knownValues) {
        List<HostileProbe> probes = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String value = knownValues.getOrDefault(parameter.name(), Example.parameter(operation, parameter.schema()));
            if ("path".equals(parameter.in())) {
                path.put(parameter.name(), value);
            } else if ("query".equals(parameter.in())) {
                query.put(parameter.name(), value);
            }
        }
        JsonNode base = operation.takesJson() ? Example.of(operation, operation.bodySchema()) : null;
        String baseType = operation.bodyType();
        byte[] baseBody =
                base != null ? bytes(base.toString()) : operation.takesForm() ? formBody(operation, null, null) : null;
        if (operation.takesMultipart()) {
            baseBody = null; // multipart probes below carry their own bodies
        }

        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (!"path".equals(parameter.in()) && !"query".equals(parameter.in())) {
                continue;
            }
            addParameterProbes(probes, operation, parameter, path, query, baseType, baseBody, REFUSED_PARAMETERS, true);
            addParameterProbes(probes, operation, parameter, path, query, baseType, baseBody, ODD_PARAMETERS, false);
        }
        String target = target(operation.path(), path, query);
        if (operation.takesJson()) {
            addJsonProbes(probes, operation, target, base);
        } else if (operation.takesForm()) {
            addFormProbes(probes, operation, target);
        } else if (operation.takesMultipart()) {
            addMultipartProbes(probes, operation, target);
        }
        return probes;
    }

    private static void addParameterProbes(
            List<HostileProbe> probes,
            ApiOperation operation,
            ApiOperation.Parameter parameter,
            Map<String, String> path,
            Map<String, String> query,
            String bodyType,
            byte[] body,
            Map<String, String> values,
            boolean mustRefuse) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            if ("path".equals(parameter.in()) && value.getValue().isEmpty()) {
                continue; // an empty path segment is another address, not a parameter value
            }
            Map<String, String> mutatedPath = new LinkedHashMap<>(path);
            Map<String, String> mutatedQuery = new LinkedHashMap<>(query);
            ("path".equals(parameter.in()) ? mutatedPath : mutatedQuery).put(parameter.name(), value.getValue());
            probes.add(new HostileProbe(
                    parameter.in() + " parameter " + parameter.name() + ": " + value.getKey(),
                    mustRefuse,
                    operation.method(),
                    target(operation.path(), mutatedPath, mutatedQuery),
                    bodyType,
                    body));
        }
    }

    private static void addJsonProbes(List<HostileProbe> probes, ApiOperation operation, String target, JsonNode base) {
        String method = operation.method();
        String type = "application/json";
        probes.add(new HostileProbe("body: not JSON", true, method, target, type, bytes("Wohngeld bitte")));
        probes.add(new HostileProbe("body: cut off", true, method, target, type, bytes("{\"a\": ")));
        probes.add(new HostileProbe("body: trailing garbage", true, method, target, type, bytes(base + " {\"b\": 2}")));
        probes.add(new HostileProbe("body: a key twice", true, method, target, type, bytes("{\"k\": 1, \"k\": 2}")));
        probes.add(new HostileProbe("body: invalid UTF-8", true, method, target, type, new byte[] {
            '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        }));
        probes.add(new HostileProbe("body: empty", false, method, target, type, new byte[0]));
        probes.add(new HostileProbe("body: top-level array", false, method, target, type, bytes("[" + base + "]")));
        probes.add(new HostileProbe("body: top-level string", false, method, target, type, bytes("\"wohngeld\"")));
        for (Map.Entry<String, String> value : REFUSED_VALUES.entrySet()) {
            probes.add(new HostileProbe(
                    "body: " + value.getKey() + " as the whole body",
                    true,
                    method,
                    target,
                    type,
                    bytes(value.getValue())));
        }
        if (!(base instanceof ObjectNode object)) {
            return;
        }
        for (String pointer : pointers(object, "")) {
            for (Map.Entry<String, String> value : REFUSED_VALUES.entrySet()) {
                probes.add(new HostileProbe(
                        "body " + pointer + ": " + value.getKey(),
                        true,
                        method,
                        target,
                        type,
                        bytes(replaced(object, pointer, value.getValue()))));
            }
            for (Map.Entry<String, String> value : ODD_VALUES.entrySet()) {
                probes.add(new HostileProbe(
                        "body " + pointer + ": " + value.getKey(),
                        false,
                        method,
                        target,
                        type,
                        bytes(replaced(object, pointer, value.getValue()))));
            }
        }
        probes.add(new HostileProbe(
                "body: NUL in a key",
                true,
                method,
                target,
                type,
                bytes(object.toString().replaceFirst("\\{", "{\"x\\\\u0000y\": 1, "))));
    }

    /** The pointers of the properties to break: those of the top level and one level below. */
    private static List<String> pointers(ObjectNode object, String prefix) {
        List<String> pointers = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String pointer = prefix + "/" + field.getKey();
            pointers.add(pointer);
            if (field.getValue() instanceof ObjectNode nested && prefix.isEmpty()) {
                pointers.addAll(pointers(nested, pointer));
            }
        }
        return pointers;
    }

    private static String replaced(ObjectNode base, String pointer, String fragment) {
        ObjectNode copy = base.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        ((ObjectNode) (parent.isEmpty() ? copy : copy.at(parent))).put(name, HOLE);
        return copy.toString().replace("\"" + HOLE + "\"", fragment);
    }

    private static void addFormProbes(List<HostileProbe> probes, ApiOperation operation, String target) {
        String type = "application/x-www-form-urlencoded";
        probes.add(new HostileProbe(
                "form: undecodable %zz", true, operation.method(), target, type, bytes("grant_type=%zz&username=%")));
        probes.add(new HostileProbe("form: invalid UTF-8", false, operation.method(), target, type, new byte[] {
            'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '=', '%', 'C', '3', '%', '2', '8'
        }));
        JsonNode schema = operation.resolve(operation.bodySchema());
        Iterator<String> fields = schema == null
                ? Collections.emptyIterator()
                : schema.path("properties").fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            for (Map.Entry<String, String> value : REFUSED_PARAMETERS.entrySet()) {
                probes.add(new HostileProbe(
                        "form " + field + ": " + value.getKey(),
                        true,
                        operation.method(),
                        target,
                        type,
                        formBody(operation, field, value.getValue())));
            }
            probes.add(new HostileProbe(
                    "form " + field + ": long",
                    false,
                    operation.method(),
                    target,
                    type,
                    formBody(operation, field, "x".repeat(10_000))));
        }
    }

    private static byte[] formBody(ApiOperation operation, String mutatedField, String mutatedValue) {
        JsonNode schema = operation.resolve(operation.bodySchema());
        StringBuilder body = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = schema == null
                ? Collections.emptyIterator()
                : schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value =
                    field.getKey().equals(mutatedField) ? mutatedValue : Example.parameter(operation, field.getValue());
            body.append(body.length() == 0 ? "" : "&")
                    .append(encode(field.getKey()))
                    .append('=')
                    .append(encode(value));
        }
        return bytes(body.toString());
    }

    private static void addMultipartProbes(List<HostileProbe> probes, ApiOperation operation, String target) {
        String boundary = "hostileBoundary";
        String type = "multipart/form-data; boundary=" + boundary;
        probes.add(
                new HostileProbe(
                        "multipart: boundary does not match",
                        true,
                        operation.method(),
                        target,
                        type,
                        bytes(
                                "--otherBoundary\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nx\r\n--otherBoundary--\r\n")));
        probes.add(new HostileProbe(
                "multipart: never closed",
                true,
                operation.method(),
                target,
                type,
                bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmietbescheinigung")));
        probes.add(new HostileProbe(
                "multipart: no parts", true, operation.method(), target, type, bytes("--" + boundary + "--\r\n")));
        probes.add(new HostileProbe(
                "multipart: NUL in a text part",
                true,
                operation.method(),
                target,
                type,
                bytes(multipart(boundary, "miet\u0000bescheinigung"))));
        probes.add(new HostileProbe(
                "multipart: vertical tab in a text part",
                true,
                operation.method(),
                target,
                type,
                bytes(multipart(boundary, "miet\u000Bbescheinigung"))));
        probes.add(new HostileProbe(
                "multipart: no boundary in the type",
                true,
                operation.method(),
                target,
                "multipart/form-data",
                bytes(multipart(boundary, "mietbescheinigung"))));
    }

    private static String multipart(String boundary, String kind) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + Journeys.RENT_CERTIFICATE + "\r\n--" + boundary + "--\r\n";
    }

    static String target(String template, Map<String, String> path, Map<String, String> query) {
        String target = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            target = target.replace(
                    "{" + parameter.getKey() + "}", encode(parameter.getValue()).replace("+", "%20"));
        }
        StringBuilder result = new StringBuilder(target);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            result.append(separator)
                    .append(encode(parameter.getKey()))
                    .append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return result.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
