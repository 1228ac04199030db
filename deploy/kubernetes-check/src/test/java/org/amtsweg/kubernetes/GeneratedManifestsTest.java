package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The base's generated Deployment and Service of each service are what quarkus-kubernetes generates from the
 * service's current build: a changed port, probe, secret or resource in the build cannot drift from the manifests.
 */
class GeneratedManifestsTest {

    static final List<String> SERVICES = Repository.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theBaseHoldsWhatTheBuildGenerates(String service) throws IOException {
        Path generated = Repository.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(generated)
                .as("%s's build output (build the services first: ./mvnw package)", service)
                .exists();
        Path copy = Repository.KUBERNETES.resolve("base").resolve(service).resolve("generated.yml");
        assertThat(normalized(Files.readString(copy)))
                .as("deploy/kubernetes/base/%s/generated.yml is stale: run deploy/kubernetes/generate.sh", service)
                .isEqualTo(normalized(Files.readString(generated)));
    }

    /**
     * The generator lists a container's variables and ConfigMaps in an order of its own that changes from build to
     * build; no variable refers to another and no key is in two ConfigMaps, so the order means nothing: compared sorted.
     */
    private static List<JsonNode> normalized(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>(RenderedOverlay.parse(yaml));
        objects.forEach(GeneratedManifestsTest::sortLists);
        return objects;
    }

    private static void sortLists(JsonNode node) {
        node.forEach(GeneratedManifestsTest::sortLists);
        if (node instanceof ObjectNode object) {
            for (String field : List.of("env", "envFrom")) {
                if (object.get(field) instanceof ArrayNode list) {
                    List<JsonNode> items = new ArrayList<>();
                    list.forEach(items::add);
                    items.sort(Comparator.comparing(JsonNode::toString));
                    list.removeAll().addAll(items);
                }
            }
        }
    }
}
