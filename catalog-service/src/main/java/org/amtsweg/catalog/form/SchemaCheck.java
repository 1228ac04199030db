package org.amtsweg.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.util.List;

/** Checks a form's schema against the JSON Schema 2020-12 meta-schema before it may be published. */
public final class SchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private SchemaCheck() {
    }

    /** The meta-schema violations of {@code schema}, each with its JSON pointer; empty when it is a valid schema. */
    public static List<String> violations(JsonNode schema) {
        JsonSchema metaSchema = FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(JsonMetaSchema.getV202012().getIri()),
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
        return metaSchema.validate(schema).stream()
                .map(message -> message.getInstanceLocation() + ": " + message.getMessage().replaceFirst("^[^:]*: ", ""))
                .distinct()
                .sorted()
                .toList();
    }
}
