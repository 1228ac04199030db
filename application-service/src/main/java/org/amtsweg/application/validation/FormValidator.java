package org.amtsweg.application.validation;

import org.amtsweg.resourceserver.problem.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates application data against a form's JSON Schema (2020-12). A draft may be incomplete, so
 * for drafts only types and formats count; a submission must satisfy everything.
 */
@jakarta.enterprise.context.ApplicationScoped
public class FormValidator {

    /** Keywords that only say "not done yet": ignored while the application is a draft. */
    private static final Set<String> INCOMPLETENESS = Set.of("required", "const", "minItems");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012()).format(new IbanFormat()).build())
            .build();

    private final ConcurrentMap<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** One schema compiled twice: the messages differ by language, the checks do not. */
    private record Compiled(JsonSchema german, JsonSchema english) {
    }

    /** Every violation of {@code data} against the form, sorted by pointer. */
    public List<Violation> forSubmission(String formKey, JsonNode schema, JsonNode data) {
        return validate(formKey, schema, data, false);
    }

    /** The violations that matter for a draft: wrong types and formats, not missing answers. */
    public List<Violation> forDraft(String formKey, JsonNode schema, JsonNode data) {
        return validate(formKey, schema, data, true);
    }

    private List<Violation> validate(String formKey, JsonNode schema, JsonNode data, boolean draft) {
        Compiled forms = compiled.computeIfAbsent(formKey, key -> new Compiled(compile(schema, Locale.GERMAN), compile(schema, Locale.ENGLISH)));
        List<ValidationMessage> english = sorted(forms.english().validate(data), draft);
        if (english.isEmpty()) {
            return List.of();
        }
        List<ValidationMessage> german = sorted(forms.german().validate(data), draft);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            ValidationMessage message = english.get(i);
            String germanText = i < german.size() ? german.get(i).getMessage() : message.getMessage();
            violations.add(new Violation(pointer(message), message.getType(), strip(germanText), strip(message.getMessage())));
        }
        return violations;
    }

    private static JsonSchema compile(JsonNode schema, Locale locale) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(locale)
                .build();
        return FACTORY.getSchema(schema, config);
    }

    private static List<ValidationMessage> sorted(Set<ValidationMessage> messages, boolean draft) {
        return messages.stream()
                .filter(message -> !draft || !INCOMPLETENESS.contains(message.getType()))
                .sorted(Comparator.comparing(FormValidator::pointer).thenComparing(ValidationMessage::getType))
                .toList();
    }

    /** The pointer of the offending value; for a missing or unexpected property, the property's own pointer. */
    static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String base = location.isEmpty() || location.equals("/") ? "" : location;
        if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType())) && message.getProperty() != null) {
            return base + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return base.isEmpty() ? "/" : base;
    }

    /** networknt prefixes messages with the location; the pointer already says where. */
    private static String strip(String text) {
        int colon = text.indexOf(": ");
        return colon > 0 && text.startsWith("/") ? text.substring(colon + 2) : text;
    }
}
