package org.amtsweg.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One operation of a service as its published OpenAPI document describes it: what a hostile client
 * reads before it starts sending mutations.
 *
 * @param bodyType the request body's media type, or null when the operation takes none
 * @param bodySchema the body's schema with every {@code $ref} still in place (resolve against {@code components})
 */
record ApiOperation(
        String method,
        String path,
        List<Parameter> parameters,
        String bodyType,
        JsonNode bodySchema,
        JsonNode components) {

    record Parameter(String name, String in, JsonNode schema) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every operation of the service at {@code baseUrl}, from its {@code /q/openapi}. */
    static List<ApiOperation> of(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(baseUrl + "/q/openapi answered " + answer.statusCode());
        }
        JsonNode document = JSON.readTree(answer.body());
        JsonNode components = document.path("components");
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations.add(operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(), components));
            }
        }
        return operations;
    }

    private static ApiOperation operation(String method, String path, JsonNode spec, JsonNode components) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : spec.path("parameters")) {
            parameters.add(new Parameter(
                    parameter.path("name").asText(), parameter.path("in").asText(), parameter.path("schema")));
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        JsonNode content = spec.path("requestBody").path("content");
        Iterator<String> types = content.fieldNames();
        if (types.hasNext()) {
            bodyType = types.next();
            bodySchema = content.path(bodyType).path("schema");
        }
        return new ApiOperation(method, path, parameters, bodyType, bodySchema, components);
    }

    boolean takesJson() {
        return bodyType != null && (bodyType.endsWith("/json") || bodyType.endsWith("+json"));
    }

    boolean takesForm() {
        return "application/x-www-form-urlencoded".equals(bodyType);
    }

    boolean takesMultipart() {
        return bodyType != null && bodyType.startsWith("multipart/");
    }

    /** The schema behind a {@code $ref}, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
