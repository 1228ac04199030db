package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every object an overlay renders is valid against its kind's schema, and a field the schema lacks is refused. */
class SchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyRenderedObjectIsValidAgainstItsSchema(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.objects()).hasSizeGreaterThan(30);
        Map<String, String> invalid = new TreeMap<>();
        for (ObjectNode object : rendered.objects()) {
            StrictModels.problems(object)
                    .ifPresent(problem -> invalid.put(
                            StrictModels.type(object) + " "
                                    + object.path("metadata").path("name").asText(),
                            problem));
        }
        assertThat(invalid)
                .as("objects of overlay %s that their schema refuses", overlay)
                .isEmpty();
    }

    @Test
    void aMisplacedOrMisspelledFieldIsRefusedInEveryFamilyOfKinds() {
        RenderedOverlay production = RenderedOverlay.of("production");
        // A value put under metadata instead of data, a probe's name with a typo, a listener's typo, an
        // instance count without its s, a KEDA trigger's misspelt field: each must be refused, not kept quietly.
        List<ObjectNode> broken = List.of(
                with(production.get("ConfigMap", "amtsweg-platform"), "/metadata", "QUARKUS_PROFILE", "prod"),
                with(
                        production.get("Deployment", "case-service"),
                        "/spec/template/spec/containers/0",
                        "livenessprobe",
                        "{}"),
                with(production.get("Kafka", "amtsweg-kafka"), "/spec/kafka", "listners", "[]"),
                with(production.get("KafkaTopic", "applications"), "/spec", "partition", "12"),
                with(production.get("Cluster", "amtsweg-db"), "/spec", "instance", "3"),
                with(production.get("ScaledObject", "case-service"), "/spec", "maxReplicas", "4"),
                with(production.get("Database", "amtsweg-case"), "/metadata", "owner", "amtsweg_case"));
        for (ObjectNode object : broken) {
            assertThat(StrictModels.problems(object)).as(object.toString()).isPresent();
        }
        assertThat(StrictModels.problems(production.get("Deployment", "case-service")))
                .isEmpty();
    }

    @Test
    void aKindWithoutSchemaIsRefused() {
        ObjectNode unknown = RenderedOverlay.YAML
                .createObjectNode()
                .put("apiVersion", "example.org/v1")
                .put("kind", "Widget");
        unknown.putObject("metadata").put("name", "w");
        assertThat(StrictModels.problems(unknown))
                .hasValueSatisfying(problem -> assertThat(problem).contains("no schema"));
    }

    private static ObjectNode with(ObjectNode original, String at, String field, String json) {
        ObjectNode copy = original.deepCopy();
        try {
            ((ObjectNode) copy.at(at)).set(field, RenderedOverlay.YAML.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return copy;
    }
}
