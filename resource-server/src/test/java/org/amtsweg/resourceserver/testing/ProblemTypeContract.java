package org.amtsweg.resourceserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.ProblemType;
import org.amtsweg.resourceserver.problem.ProblemTypes;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * What every service checks of itself (its {@code ProblemTypesTest}): the problem types it can answer are
 * exactly the registered ones, and all of them are published. Three ways a type could escape the contract,
 * each closed here:
 * <ul>
 *     <li>an enum of the service's own that implements {@link ProblemType} but is not listed in
 *     {@value ProblemTypes#LISTING} (its answers would fail: {@link Problem#of} refuses unregistered types) —
 *     every such enum in the compiled classes must be registered, constant by constant;</li>
 *     <li>a problem written by hand, past the registry — no main source of the service may spell the type
 *     base URI or use the problem extension's builder;</li>
 *     <li>a registered type missing from the OpenAPI document, or published with another status or title —
 *     every registered type must be under {@code components.responses} with its own constants, and every
 *     problem response published there must be registered.</li>
 * </ul>
 */
public final class ProblemTypeContract {

    private static final Set<String> HAND_WRITTEN =
            Set.of(Problem.TYPE_BASE, "amtsweg.org/problems", "io.quarkiverse.resteasy.problem");

    private ProblemTypeContract() {}

    /** {@code openApi}: the service's {@code /q/openapi} as JSON; run in the module's directory (Maven's working directory). */
    public static void verify(JsonNode openApi) {
        verify(openApi, Path.of("target", "classes"), Path.of("src", "main", "java"));
    }

    static void verify(JsonNode openApi, Path classes, Path sources) {
        ProblemTypes registry = ProblemTypes.installed();
        assertThat(ownTypes(classes))
                .as("problem types of the service's own enums")
                .allSatisfy(type -> assertThat(registry.contains(type))
                        .as("%s is registered", type.slug())
                        .isTrue());
        assertThat(handWritten(sources))
                .as("sources that write a problem type past the registry")
                .isEmpty();
        assertPublished(openApi, registry);
    }

    /** Every registered type under components.responses with its constants, and nothing unregistered there. */
    public static void assertPublished(JsonNode openApi, ProblemTypes registry) {
        JsonNode responses = openApi.path("components").path("responses");
        Set<String> published = new TreeSet<>();
        for (Iterator<String> names = responses.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (responses.get(name).path("content").has(Problem.MEDIA_TYPE)) {
                published.add(name);
            }
        }
        Set<String> registered = new TreeSet<>();
        registry.all().forEach(type -> registered.add(type.slug()));
        assertThat(published)
                .as("problem types published in the OpenAPI document")
                .isEqualTo(registered);
        for (ProblemType type : registry.all()) {
            JsonNode constants = responses
                    .path(type.slug())
                    .path("content")
                    .path(Problem.MEDIA_TYPE)
                    .path("schema")
                    .path("allOf")
                    .path(1)
                    .path("properties");
            assertThat(constants.path("type").path("const").asText())
                    .as("%s: type", type.slug())
                    .isEqualTo(type.uri());
            assertThat(constants.path("status").path("const").asInt())
                    .as("%s: status", type.slug())
                    .isEqualTo(type.status());
            assertThat(constants.path("title").path("const").asText())
                    .as("%s: title", type.slug())
                    .isEqualTo(type.title());
        }
        assertThat(openApi.path("components").path("schemas").path("Violation").path("required"))
                .as("the one violation shape")
                .extracting(JsonNode::asText)
                .containsExactly("pointer", "keyword", "message", "messageEn");
    }

    private static List<ProblemType> ownTypes(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            Indexer indexer = new Indexer();
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".class")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
            Index index = indexer.complete();
            List<ProblemType> types = new ArrayList<>();
            for (ClassInfo implementor :
                    index.getKnownDirectImplementors(DotName.createSimple(ProblemType.class.getName()))) {
                Class<?> type = Class.forName(
                        implementor.name().toString(),
                        false,
                        Thread.currentThread().getContextClassLoader());
                assertThat(type.isEnum())
                        .as("%s: problem types are enum constants", type.getName())
                        .isTrue();
                for (Object constant : type.getEnumConstants()) {
                    types.add((ProblemType) constant);
                }
            }
            assertThat(types)
                    .as("the service's own problem types in %s", classes)
                    .isNotEmpty();
            return types;
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new IllegalStateException("cannot read the service's classes in " + classes, unreadable);
        }
    }

    private static List<String> handWritten(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        try {
                            String text = Files.readString(file, StandardCharsets.UTF_8);
                            return HAND_WRITTEN.stream().anyMatch(text::contains);
                        } catch (IOException unreadable) {
                            throw new UncheckedIOException(unreadable);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
