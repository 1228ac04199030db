package org.amtsweg.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay of deploy/kubernetes as {@code kubectl kustomize} renders it: the objects an operator's
 * {@code kubectl apply -k} would send to the cluster. Rendered once per test run and overlay.
 */
record RenderedOverlay(String name, List<ObjectNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    static RenderedOverlay of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String overlay) {
        Path dir = Repository.KUBERNETES.resolve("overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            return new RenderedOverlay(overlay, parse(Files.readString(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run kubectl (deploy/local/test.sh installs it; deploy/README.md)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** KUBECTL names another kubectl (or kustomize-capable client); else the one on the PATH. */
    static String kubectl() {
        return Optional.ofNullable(System.getenv("KUBECTL"))
                .filter(s -> !s.isBlank())
                .orElse("kubectl");
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind)
                .filter(object ->
                        name.equals(object.path("metadata").path("name").asText()))
                .findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " renders no " + kind + " " + name));
    }

    /** The data of a ConfigMap by name. */
    Map<String, String> configMap(String name) {
        return YAML.convertValue(
                get("ConfigMap", name).path("data"),
                YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    /** The namespace every object is placed in by the overlay. */
    String namespace() {
        return ofKind("Namespace")
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " renders no Namespace"))
                .path("metadata")
                .path("name")
                .asText();
    }
}
