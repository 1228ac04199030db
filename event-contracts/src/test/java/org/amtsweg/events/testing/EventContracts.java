package org.amtsweg.events.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test fixture over the published contracts: a producer checks that what it emits validates against
 * the event type's schema, a consumer feeds itself the type's example. Both sides read the same
 * files, so a contract cannot drift between them unnoticed.
 */
public final class EventContracts {

    /** Every event type of the platform, in the order of a journey. */
    public static final List<String> TYPES = List.of(
            "DraftStarted",
            "DocumentStored",
            "DocumentRemoved",
            "ApplicationSubmitted",
            "ApplicationSupplemented",
            "CaseOpened",
            "RegistryCheckCompleted",
            "CaseStatusChanged",
            "InformationRequested",
            "DecisionIssued",
            "CatalogChanged",
            "TokensRevoked",
            "AdministrativeChange");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {}

    /** The violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(String type, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(
                type, t -> FACTORY.getSchema(resource("schemas/" + t + ".schema.json"), CONFIG));
        return schema.validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The violations of a serialised event payload (as Kafka carries it). */
    public static List<String> violations(String type, String json) {
        try {
            return violations(type, MAPPER.readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** The violations of an event record as the platform's Jackson configuration writes it. */
    public static List<String> violationsOf(String type, Object event) {
        return violations(type, MAPPER.valueToTree(event));
    }

    /** The published example of {@code type}, as JSON text. */
    public static String example(String type) {
        try (InputStream in = resource("examples/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published example of {@code type} read into its record class. */
    public static <T> T example(String type, Class<T> recordType) {
        try {
            return MAPPER.readValue(example(type), recordType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContracts.class.getResourceAsStream("/org/amtsweg/events/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no contract file " + path);
        }
        return in;
    }
}
