package org.amtsweg.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amtsweg.application.CatalogDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * application-service's calls to the catalogue and the double its own tests use, both checked against the OpenAPI
 * document catalog-service's build publishes (attached to its Maven build, located by the pom): a path, parameter,
 * media type or field the catalogue renames or drops fails here, where a hand-written double alone would keep passing.
 */
class CatalogContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode openApi;
    private static CatalogDouble catalogue;
    private static String catalogueUrl;

    @BeforeAll
    static void readTheCataloguesDocumentAndStartTheDouble() throws Exception {
        String location = System.getProperty("amtsweg.test.catalog-openapi");
        assertThat(location)
                .as("the catalogue's OpenAPI document (set by the pom from catalog-service's build)")
                .isNotBlank()
                .doesNotStartWith("${");
        openApi = JSON.readTree(Files.readString(java.nio.file.Path.of(location)));
        catalogue = new CatalogDouble();
        catalogueUrl = "http://127.0.0.1:" + catalogue.start().get("amtsweg.test.catalog-port");
    }

    @AfterAll
    static void stopTheDouble() {
        catalogue.stop();
    }

    @Test
    void everyCallOfTheClientIsAnOperationTheCataloguePublishes() {
        List<Method> calls = List.of(CatalogApi.class.getDeclaredMethods());
        assertThat(calls).hasSizeGreaterThanOrEqualTo(6);
        for (Method call : calls) {
            assertThat(call.isAnnotationPresent(GET.class))
                    .as("%s is a GET", call.getName())
                    .isTrue();
            String path = "/" + call.getAnnotation(Path.class).value();
            JsonNode operation = openApi.path("paths").path(path).path("get");
            assertThat(operation.isObject())
                    .as("the catalogue publishes GET %s (for %s)", path, call.getName())
                    .isTrue();

            Set<String> declared = new HashSet<>();
            for (JsonNode parameters :
                    List.of(openApi.path("paths").path(path).path("parameters"), operation.path("parameters"))) {
                parameters.forEach(
                        parameter -> declared.add(parameter.path("in").asText() + " "
                                + parameter.path("name").asText()));
            }
            for (Parameter parameter : call.getParameters()) {
                String used = parameter.isAnnotationPresent(PathParam.class)
                        ? "path " + parameter.getAnnotation(PathParam.class).value()
                        : "query " + parameter.getAnnotation(QueryParam.class).value();
                assertThat(declared)
                        .as("GET %s declares the parameter the client sends", path)
                        .contains(used);
            }

            String mediaType = call.isAnnotationPresent(Produces.class)
                    ? call.getAnnotation(Produces.class).value()[0]
                    : MediaType.APPLICATION_JSON;
            assertThat(operation.path("responses").path("200").path("content").has(mediaType))
                    .as("GET %s answers %s", path, mediaType)
                    .isTrue();
        }
    }

    /** Each answer the double gives, against the schema of the catalogue's answer, with no field the catalogue does not publish. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/services/wohngeld",
                "/services/ummeldung",
                "/services/personalausweis",
                "/services/wohngeld/form",
                "/services/ummeldung/form/versions/1",
                "/responsibility?service=wohngeld&ags=05914000",
                "/authorities/stadt-hagen"
            })
    void theDoubleAnswersAsTheCatalogueWould(String request) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(catalogueUrl + request))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the double answers %s", request).isEqualTo(200);

        JsonNode schema = responseSchema(URI.create(request).getPath());
        Set<String> violations = closedSchema(schema).validate(JSON.readTree(answer.body())).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
        assertThat(violations)
                .as("the double's answer to %s against the catalogue's schema", request)
                .isEmpty();
    }

    /** The 200 answer's JSON schema of the operation whose path template matches a request path. */
    private static JsonNode responseSchema(String requestPath) {
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (requestPath.matches(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"))) {
                JsonNode schema = path.getValue()
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path(MediaType.APPLICATION_JSON)
                        .path("schema");
                assertThat(schema.isObject())
                        .as("the catalogue publishes the schema of its answer to GET %s", path.getKey())
                        .isTrue();
                assertThat(schema.toString())
                        .as("a schema that says what GET %s answers", path.getKey())
                        .contains("$ref");
                return schema;
            }
        }
        throw new AssertionError("the catalogue publishes no operation for " + requestPath);
    }

    /**
     * The schema with the document's components beside it (its references point into them), every object schema that lists
     * its properties closed to others: the generated schemas leave them open, and a double that invents a field must fail.
     */
    private static JsonSchema closedSchema(JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", openApi.path("components").deepCopy());
        close(root);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            if (node.has("properties") && node.path("properties").isObject() && !node.has("additionalProperties")) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            List<JsonNode> children = new ArrayList<>();
            node.elements().forEachRemaining(children::add);
            children.forEach(CatalogContractTest::close);
        } else if (node.isArray()) {
            node.forEach(CatalogContractTest::close);
        }
    }
}
