package org.amtsweg.application.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amtsweg.application.WohngeldApplication;
import org.amtsweg.resourceserver.problem.Violation;
import org.junit.jupiter.api.Test;

/**
 * The Wohngeld form as catalog-service publishes it, against Erika's complete application and ways of breaking it:
 * a draft refuses only wrong answers, a submission also missing and unconfirmed ones.
 */
class FormValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode FORM = wohngeldForm();
    private static final String KEY = "wohngeld/1";

    /** The answers of Erika's application the form does not require. */
    private static final Set<String> OPTIONAL = Set.of("/antragsteller/email", "/wohnung/heizkosten_eur");

    /** Answers that break a rule; those marked {@code true} break one that a draft already checks. */
    private static final Map<String, Map.Entry<Object, Boolean>> WRONG = wrongAnswers();

    private static Map<String, Map.Entry<Object, Boolean>> wrongAnswers() {
        Map<String, Map.Entry<Object, Boolean>> wrong = new LinkedHashMap<>();
        wrong.put("/bankverbindung/iban", Map.entry("DE02 1203 0000 0000 2020 52", true));
        wrong.put("/wohnung/anzahl_raeume", Map.entry(2.5, true));
        wrong.put("/wohnung/wohnflaeche_qm", Map.entry(0, true));
        wrong.put("/wohnung/vermieter/anschrift/postleitzahl", Map.entry("5809", true));
        wrong.put("/antragsteller/geburtsdatum", Map.entry("1964-02-30", true));
        wrong.put("/antragsteller/email", Map.entry("erika(at)example.org", true));
        wrong.put("/antragsteller/familienstand", Map.entry("verlobt", true));
        wrong.put("/bankverbindung/kontoinhaber", Map.entry("", true));
        wrong.put("/haushalt/weitere_mitglieder/0/verhaeltnis", Map.entry("nachbar", true));
        wrong.put("/einkommen/arten", Map.entry(List.of("rente", "rente"), true));
        wrong.put("/erklaerungen/angaben_wahrheitsgemaess", Map.entry(false, false));
        return wrong;
    }

    private final FormValidator validator = new FormValidator();

    @Test
    void erikasCompleteApplicationIsAccepted() {
        assertThat(validator.forSubmission(KEY, FORM, complete())).isEmpty();
        assertThat(validator.forDraft(KEY, FORM, complete())).isEmpty();
    }

    @Test
    void anEmptyDraftIsAcceptedAndAnEmptySubmissionAsksForEverySection() {
        ObjectNode empty = JSON.createObjectNode();
        assertThat(validator.forDraft(KEY, FORM, empty)).isEmpty();
        assertThat(validator.forSubmission(KEY, FORM, empty))
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(
                        tuple("/antragsteller", "required"),
                        tuple("/bankverbindung", "required"),
                        tuple("/einkommen", "required"),
                        tuple("/erklaerungen", "required"),
                        tuple("/haushalt", "required"),
                        tuple("/wohnung", "required"));
    }

    @Test
    void anIbanWithOneDigitChangedIsRefusedAlreadyInTheDraft() {
        JsonNode data = complete();
        ((ObjectNode) data.get("bankverbindung")).put("iban", "DE89 3704 0044 0532 0131 00");
        assertThat(validator.forDraft(KEY, FORM, data)).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/bankverbindung/iban");
            assertThat(violation.keyword()).isEqualTo("format");
            assertThat(violation.message()).contains("„IBAN“");
        });
        ((ObjectNode) data.get("bankverbindung")).put("iban", "DE89 3704 0044 0532 0130 00");
        assertThat(validator.forDraft(KEY, FORM, data)).isEmpty();
    }

    @Test
    void aWrongListEntryIsNamedByItsIndexAndTheListsLabel() {
        JsonNode data = complete();
        ((ObjectNode) data.get("einkommen")).putArray("arten").add("rente").add("lotto");
        assertThat(validator.forDraft(KEY, FORM, data)).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/einkommen/arten/1");
            assertThat(violation.message()).contains("„Einkommensarten“");
        });
    }

    @Test
    void aListEntryReadsItsListsLabel() {
        JsonNode labels = JSON.createObjectNode()
                .put("/haushalt/weitere_mitglieder/vorname", "Vorname des Mitglieds")
                .put("/a/b/c", "C");
        assertThat(FormValidator.label("/haushalt/weitere_mitglieder/3/vorname", MissingNode.getInstance(), labels))
                .isEqualTo("Vorname des Mitglieds");
        assertThat(FormValidator.label("/a/10/b/0/c", MissingNode.getInstance(), labels))
                .isEqualTo("C");
        // Without a label: the schema's title, else the key in words, else the application as a whole.
        assertThat(FormValidator.label(
                        "/x/0/anzahl_raeume", JSON.createObjectNode().put("title", "Räume"), labels))
                .isEqualTo("Räume");
        assertThat(FormValidator.label("/x/0/anzahl_raeume", MissingNode.getInstance(), labels))
                .isEqualTo("Anzahl raeume");
        assertThat(FormValidator.label("/a~1b", MissingNode.getInstance(), labels))
                .isEqualTo("A/b");
        assertThat(FormValidator.label("", MissingNode.getInstance(), labels)).isEqualTo("Antrag");
    }

    /**
     * Leave out any answers (or whole sections) and break any others: the draft refuses exactly the broken
     * answers a draft checks; the submission those, the other broken ones and every required answer left out.
     */
    @Property
    void theDraftRefusesWrongAnswersAndTheSubmissionAlsoMissingOnes(
            @ForAll("removable") Set<String> removed, @ForAll("wrong") Set<String> broken) {
        JsonNode data = complete();
        broken.forEach(pointer ->
                put(data, pointer, JSON.valueToTree(WRONG.get(pointer).getKey())));
        Set<String> gone = removed.stream()
                .filter(pointer -> removed.stream().noneMatch(other -> under(pointer, other)))
                .collect(Collectors.toSet());
        gone.forEach(pointer -> remove(data, pointer));
        Set<String> stillBroken = broken.stream()
                .filter(pointer -> gone.stream().noneMatch(other -> other.equals(pointer) || under(pointer, other)))
                .collect(Collectors.toSet());

        Set<String> draftExpected = stillBroken.stream()
                .filter(pointer -> WRONG.get(pointer).getValue())
                .collect(Collectors.toSet());
        Set<String> submissionExpected = new HashSet<>(stillBroken);
        gone.stream().filter(pointer -> !OPTIONAL.contains(pointer)).forEach(submissionExpected::add);

        List<Violation> draft = validator.forDraft(KEY, FORM, data);
        List<Violation> submission = validator.forSubmission(KEY, FORM, data);
        assertThat(pointers(draft)).isEqualTo(draftExpected);
        assertThat(pointers(submission)).isEqualTo(submissionExpected);
        assertThat(submission).containsAll(draft);
        for (List<Violation> violations : List.of(draft, submission)) {
            assertThat(violations)
                    .doesNotHaveDuplicates()
                    .isSortedAccordingTo(
                            Comparator.comparing(Violation::pointer).thenComparing(Violation::keyword));
        }
        assertThat(submission)
                .filteredOn(violation -> gone.contains(violation.pointer()))
                .allSatisfy(violation -> assertThat(violation.keyword()).isEqualTo("required"));
    }

    /** Nothing the form does not ask for gets in, and the refusal points at it, whatever its name. */
    @Property
    void anAnswerTheFormDoesNotAskForIsRefused(@ForAll("objects") String parent, @ForAll String name) {
        Assume.that(!propertyNames(FORM.get("schema")).contains(name));
        JsonNode data = complete();
        ((ObjectNode) data.at(parent)).put(name, "zusätzlich");
        List<Violation> draft = validator.forDraft(KEY, FORM, data);
        for (List<Violation> violations : List.of(draft, validator.forSubmission(KEY, FORM, data))) {
            assertThat(violations).singleElement().satisfies(violation -> {
                assertThat(violation.keyword()).isEqualTo("additionalProperties");
                assertThat(data.at(JsonPointer.compile(violation.pointer())).asText())
                        .isEqualTo("zusätzlich");
                assertThat(JsonPointer.compile(violation.pointer()).last().getMatchingProperty())
                        .isEqualTo(name);
                assertThat(violation.message()).isEqualTo("Diese Angabe gehört nicht zum Formular.");
            });
        }
    }

    @Provide
    Arbitrary<Set<String>> removable() {
        // Not the household member itself: a list may be empty.
        return Arbitraries.subsetOf(pointers(complete(), "").stream()
                .filter(pointer -> !pointer.matches(".*/\\d+"))
                .toList());
    }

    @Provide
    Arbitrary<Set<String>> wrong() {
        return Arbitraries.subsetOf(WRONG.keySet());
    }

    @Provide
    Arbitrary<String> objects() {
        List<String> objects = new ArrayList<>(List.of(""));
        pointers(complete(), "").stream()
                .filter(pointer -> complete().at(pointer).isObject())
                .forEach(objects::add);
        return Arbitraries.of(objects);
    }

    /** Every object, array and answer in the data, by pointer (a list of answers counts as one answer). */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (!at.isEmpty()) {
            pointers.add(at);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> pointers.addAll(pointers(node.get(name), at + "/" + name)));
        } else if (node.isArray() && node.path(0).isContainerNode()) {
            for (int index = 0; index < node.size(); index++) {
                pointers.addAll(pointers(node.get(index), at + "/" + index));
            }
        }
        return pointers;
    }

    private static Set<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).collect(Collectors.toSet());
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.findValues("properties")
                .forEach(properties -> properties.fieldNames().forEachRemaining(names::add));
        return names;
    }

    private static boolean under(String pointer, String ancestor) {
        return pointer.startsWith(ancestor + "/");
    }

    private static void put(JsonNode data, String pointer, JsonNode value) {
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) data.at(at.head())).set(at.last().getMatchingProperty(), value);
    }

    private static void remove(JsonNode data, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = data.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.remove(at.last().getMatchingIndex());
        } else {
            ((ObjectNode) parent).remove(at.last().getMatchingProperty());
        }
    }

    private static JsonNode complete() {
        return JSON.valueToTree(WohngeldApplication.complete());
    }

    private static JsonNode wohngeldForm() {
        try {
            Path file = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                    .resolve("catalog-service/src/main/resources/catalog/forms/wohngeld.v1.json");
            if (!Files.exists(file)) {
                file = Path.of("../catalog-service/src/main/resources/catalog/forms/wohngeld.v1.json");
            }
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read catalog-service's Wohngeld form", e);
        }
    }
}
