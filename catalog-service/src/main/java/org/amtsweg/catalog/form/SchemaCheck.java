package org.amtsweg.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.amtsweg.resourceserver.problem.Violation;

/** Checks a form's schema against the JSON Schema 2020-12 meta-schema before it may be published. */
public final class SchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema GERMAN = metaSchema(Locale.GERMAN);
    private static final JsonSchema ENGLISH = metaSchema(Locale.ENGLISH);

    private SchemaCheck() {}

    /**
     * The meta-schema violations of {@code schema}, each with its JSON pointer into the schema and the
     * validator's message in German and English (the administrator of a form reads JSON Schema's terms);
     * empty when it is a valid schema.
     */
    public static List<Violation> violations(JsonNode schema) {
        List<ValidationMessage> german = sorted(GERMAN, schema);
        List<ValidationMessage> english = sorted(ENGLISH, schema);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            ValidationMessage message = english.get(i);
            String germanText = i < german.size() ? german.get(i).getMessage() : message.getMessage();
            Violation violation = new Violation(
                    message.getInstanceLocation().toString(),
                    message.getType(),
                    withoutLocation(germanText),
                    withoutLocation(message.getMessage()));
            if (!violations.contains(violation)) {
                violations.add(violation);
            }
        }
        return violations;
    }

    private static List<ValidationMessage> sorted(JsonSchema metaSchema, JsonNode schema) {
        return metaSchema.validate(schema).stream()
                .sorted(Comparator.comparing((ValidationMessage message) ->
                                message.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getType)
                        .thenComparing(message -> String.valueOf(message.getProperty())))
                .toList();
    }

    private static JsonSchema metaSchema(Locale locale) {
        return FACTORY.getSchema(
                SchemaLocation.of(JsonMetaSchema.getV202012().getIri()),
                SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .locale(locale)
                        .build());
    }

    /** The validator begins each message with the location; the pointer already says where. */
    private static String withoutLocation(String text) {
        return text.replaceFirst("^[^:]*: ", "");
    }
}
