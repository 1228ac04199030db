package org.amtsweg.resourceserver.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The registry in the service's OpenAPI document, so that a client (or a generator) knows every refusal
 * before meeting it: the schemas {@code Problem} and {@code Violation}, one response per registered type
 * under {@code components.responses} (named by its slug, with its type URI, status and title as constants),
 * and on every operation a {@code default} response of {@code application/problem+json}. Runs at start-up,
 * where the service's own catalogue is on the class path.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublishedProblemTypes implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM, problemSchema()).addSchema(VIOLATION, violationSchema());
        for (ProblemType type : ProblemTypes.installed().all()) {
            components.addResponse(type.slug(), response(type));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(PublishedProblemTypes::refusals));
        }
    }

    private static void refusals(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
            operation
                    .getResponses()
                    .setDefaultValue(OASFactory.createAPIResponse()
                            .description("Eine Ablehnung (RFC 9457); ihre Typen stehen unter components.responses")
                            .content(problemContent(ref(PROBLEM))));
        }
    }

    private static APIResponse response(ProblemType type) {
        Schema constants = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().constValue(type.uri()))
                .addProperty("status", OASFactory.createSchema().constValue(type.status()))
                .addProperty("title", OASFactory.createSchema().constValue(type.title()));
        return OASFactory.createAPIResponse()
                .description(type.status() + " " + type.title())
                .content(problemContent(OASFactory.createSchema().allOf(List.of(ref(PROBLEM), constants))));
    }

    private static Content problemContent(Schema schema) {
        return OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(schema));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(
                        "RFC 9457 problem details. The type names the kind of refusal and fixes status and title; "
                                + "detail is written for this occurrence. Further members belong to the type (e.g. parameter, violations).")
                .addProperty("type", text().format("uri"))
                .addProperty("title", text().description("German / English, the same for every occurrence of the type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text().description("In German, for the person who sent the request"))
                .addProperty(
                        "parameter",
                        text().description("invalid-parameter: the query, path, header or form parameter as sent"))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(ref(VIOLATION))
                                .description("validation-failed: every refused value of the body"))
                .required(List.of("type", "title", "status", "detail"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "pointer",
                        text().description("RFC 6901 JSON pointer into the request body; \"\" is the whole body"))
                .addProperty(
                        "keyword",
                        text().description("The kind of rule that failed, e.g. required, type, format, pattern"))
                .addProperty("message", text().description("German, for the person at the front end"))
                .addProperty("messageEn", text().description("The same in English"))
                .required(List.of("pointer", "keyword", "message", "messageEn"));
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
