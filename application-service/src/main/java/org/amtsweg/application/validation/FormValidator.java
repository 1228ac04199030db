package org.amtsweg.application.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Validates application data against a form's JSON Schema (2020-12). A draft may be incomplete, so
 * for drafts only types and formats count; a submission must satisfy everything. The validator decides
 * what is wrong; what the citizen reads is {@link FieldMessages}', naming the field by the form's label.
 */
@ApplicationScoped
public class FormValidator {

    /** Keywords that only say "not done yet": ignored while the application is a draft. */
    private static final Set<String> INCOMPLETENESS = Set.of("required", "const", "minItems");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .format(new IbanFormat())
                    .build())
            .build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private final ConcurrentMap<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** Every violation of {@code data} against the form ({@code schema} and {@code presentation}), sorted by pointer. */
    public List<Violation> forSubmission(String formKey, JsonNode form, JsonNode data) {
        return validate(formKey, form, data, false);
    }

    /** The violations that matter for a draft: wrong types and formats, not missing answers. */
    public List<Violation> forDraft(String formKey, JsonNode form, JsonNode data) {
        return validate(formKey, form, data, true);
    }

    private List<Violation> validate(String formKey, JsonNode form, JsonNode data, boolean draft) {
        JsonSchema schema = compiled.computeIfAbsent(formKey, key -> FACTORY.getSchema(form.get("schema"), CONFIG));
        JsonNode labels = form.path("presentation").path("labels");
        return schema.validate(data).stream()
                .filter(message -> !draft || !INCOMPLETENESS.contains(message.getType()))
                .map(message -> violation(message, form.get("schema"), labels))
                .distinct()
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::keyword))
                .toList();
    }

    private static Violation violation(ValidationMessage message, JsonNode root, JsonNode labels) {
        String pointer = pointer(message);
        JsonNode field = field(message, root);
        FieldMessages.Message text = FieldMessages.of(message.getType(), field, label(pointer, field, labels));
        return new Violation(pointer, message.getType(), text.german(), text.english());
    }

    /**
     * The refused answer's own schema — the one holding the failed keyword, found by the keyword's
     * location ({@code #/properties/bank/properties/iban/format}); for a missing property, the property's.
     */
    static JsonNode field(ValidationMessage message, JsonNode root) {
        String location = message.getSchemaLocation().getFragment().toString();
        String holder = location.contains("/") ? location.substring(0, location.lastIndexOf('/')) : "";
        JsonNode schema = root.at(holder.equals("#") ? "" : holder.replaceFirst("^#", ""));
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return schema.path("properties").path(message.getProperty());
        }
        return schema;
    }

    /**
     * The form's label of the answer; an entry of a list reads its list's labels ({@code /a/0/b} the label
     * of {@code /a/b}), as the portal shows it. Without one: the schema's title, else the key in words.
     */
    static String label(String pointer, JsonNode field, JsonNode labels) {
        String unindexed = pointer.replaceAll("/\\d+(?=/|$)", "");
        JsonNode label = labels.path(unindexed);
        if (label.isTextual()) {
            return label.asText();
        }
        if (field.path("title").isTextual()) {
            return field.path("title").asText();
        }
        String key = unindexed
                .substring(unindexed.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~")
                .replace('_', ' ');
        return key.isEmpty() ? "Antrag" : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** The pointer of the offending value; for a missing or unexpected property, the property's own pointer. */
    static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String base = location.equals("/") ? "" : location;
        if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))
                && message.getProperty() != null) {
            return base + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return base;
    }
}
