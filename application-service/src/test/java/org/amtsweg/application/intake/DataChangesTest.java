package org.amtsweg.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Which fields a citizen changed when answering a Nachforderung, and which of them she was not asked about.
 */
class DataChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMITTED = """
            {"antragsteller": {"vorname": "Erika", "familienname": "Mustermann",
                               "anschrift": {"strasse_hausnummer": "Rathausstraße 11", "postleitzahl": "58095"}},
             "wohnung": {"bruttokaltmiete_eur": 650, "wohnflaeche_qm": 62.5},
             "haushalt": {"weitere_mitglieder": [{"vorname": "Max"}, {"vorname": "Lena"}]},
             "bankverbindung": {"iban": "DE89 3704 0044 0532 0130 00", "bic": null}}
            """;

    @Test
    void aChangedAmountIsNamedByItsPointer() throws Exception {
        JsonNode after = submitted();
        ((ObjectNode) after.get("wohnung")).put("bruttokaltmiete_eur", 700);
        assertThat(DataChanges.between(submitted(), after)).containsExactly("/wohnung/bruttokaltmiete_eur");
    }

    @Test
    void theSameDataHasNoChanges() throws Exception {
        assertThat(DataChanges.between(submitted(), submitted())).isEmpty();
        assertThat(DataChanges.between(null, null)).isEmpty();
    }

    @Test
    void anAnswerAddedOrRemovedIsAChangeAndSoIsANullSetOrCleared() throws Exception {
        JsonNode after = submitted();
        ((ObjectNode) after.get("antragsteller")).put("geburtsdatum", "1964-08-12");
        ((ObjectNode) after.get("antragsteller").get("anschrift")).remove("postleitzahl");
        ((ObjectNode) after.get("bankverbindung")).remove("bic");
        assertThat(DataChanges.between(submitted(), after))
                .containsExactlyInAnyOrder(
                        "/antragsteller/geburtsdatum", "/antragsteller/anschrift/postleitzahl", "/bankverbindung/bic");
    }

    @Test
    void aListOfTheSameLengthNamesTheChangedEntryAndALongerListIsNamedAsAWhole() throws Exception {
        JsonNode renamed = submitted();
        ((ObjectNode) renamed.at("/haushalt/weitere_mitglieder/1")).put("vorname", "Lene");
        assertThat(DataChanges.between(submitted(), renamed)).containsExactly("/haushalt/weitere_mitglieder/1/vorname");

        JsonNode added = submitted();
        ((ArrayNode) added.at("/haushalt/weitere_mitglieder")).addObject().put("vorname", "Paul");
        assertThat(DataChanges.between(submitted(), added)).containsExactly("/haushalt/weitere_mitglieder");
    }

    @Test
    void aValueThatChangesItsKindIsNamedAsAWhole() throws Exception {
        JsonNode after = submitted();
        ((ObjectNode) after).put("wohnung", "keine");
        ((ObjectNode) after.get("bankverbindung")).put("iban", 5);
        assertThat(DataChanges.between(submitted(), after))
                .containsExactlyInAnyOrder("/wohnung", "/bankverbindung/iban");
    }

    @Test
    void keysWithSlashOrTildeAreEscapedAsInAJsonPointer() throws Exception {
        JsonNode before = JSON.readTree("{\"a/b\": 1, \"m~n\": 1}");
        JsonNode after = JSON.readTree("{\"a/b\": 2, \"m~n\": 2}");
        assertThat(DataChanges.between(before, after)).containsExactly("/a~1b", "/m~0n");
    }

    @Test
    void withoutDataBeforeEverythingChanged() throws Exception {
        assertThat(DataChanges.between(null, submitted())).containsExactly("/");
        assertThat(DataChanges.between(JSON.readTree("[]"), submitted())).containsExactly("/");
    }

    @Test
    void onlyTheFieldsAskedAboutMayChange() {
        List<String> editable = List.of("/wohnung/bruttokaltmiete_eur", "/haushalt");
        assertThat(DataChanges.outside(
                        List.of(
                                "/wohnung/bruttokaltmiete_eur",
                                "/haushalt/weitere_mitglieder/0/vorname",
                                "/haushalt/weitere_mitglieder"),
                        editable))
                .isEmpty();
        assertThat(DataChanges.outside(List.of("/wohnung/wohnflaeche_qm", "/wohnung/bruttokaltmiete_eur"), editable))
                .containsExactly("/wohnung/wohnflaeche_qm");
        // A field whose name only begins like an editable one is another field.
        assertThat(DataChanges.outside(List.of("/haushaltsgroesse", "/wohnung/bruttokaltmiete_eur_alt"), editable))
                .containsExactly("/haushaltsgroesse", "/wohnung/bruttokaltmiete_eur_alt");
        // Replacing the whole object is more than changing the one field of it that was asked about.
        assertThat(DataChanges.outside(List.of("/wohnung"), editable)).containsExactly("/wohnung");
        assertThat(DataChanges.outside(List.of("/"), editable)).containsExactly("/");
        assertThat(DataChanges.outside(List.of("/wohnung/wohnflaeche_qm"), List.of()))
                .containsExactly("/wohnung/wohnflaeche_qm");
    }

    @Property
    void dataComparedWithItselfHasNoChanges(@ForAll("data") JsonNode data) {
        assertThat(DataChanges.between(data, data.deepCopy())).isEmpty();
    }

    @Property
    void thereAreChangesExactlyWhenTheDataDiffer(@ForAll("data") JsonNode before, @ForAll("data") JsonNode after) {
        assertThat(DataChanges.between(before, after).isEmpty()).isEqualTo(before.equals(after));
    }

    /** Taking the new values at the named pointers (and only there) turns the old data into the new. */
    @Property
    void theChangesAreAllThatChanged(@ForAll("data") JsonNode before, @ForAll("data") JsonNode after) {
        List<String> changed = DataChanges.between(before, after);
        assertThat(patched(before, after, changed)).isEqualTo(after);
    }

    @Property
    void everyNamedFieldDiffersAndNoneIsNamedTwice(@ForAll("data") JsonNode before, @ForAll("data") JsonNode after) {
        List<String> changed = DataChanges.between(before, after);
        assertThat(changed).doesNotHaveDuplicates().allSatisfy(pointer -> {
            JsonPointer at = JsonPointer.compile(pointer.equals("/") ? "" : pointer);
            assertThat(before.at(at)).isNotEqualTo(after.at(at));
            assertThat(changed).noneMatch(other -> other.startsWith(pointer + "/"));
        });
    }

    @Property
    void changingOnlyWhatIsEditableIsNeverOutside(@ForAll("data") JsonNode before, @ForAll("data") JsonNode after) {
        List<String> changed = DataChanges.between(before, after);
        assertThat(DataChanges.outside(changed, changed)).isEmpty();
        assertThat(DataChanges.outside(changed, List.of())).isEqualTo(changed);
    }

    private static JsonNode patched(JsonNode before, JsonNode after, List<String> changed) {
        if (changed.contains("/")) {
            return after;
        }
        JsonNode result = before.deepCopy();
        for (String pointer : changed) {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = result.at(at.head());
            JsonNode value = after.at(at);
            if (parent instanceof ObjectNode object) {
                if (value.isMissingNode()) {
                    object.remove(at.last().getMatchingProperty());
                } else {
                    object.set(at.last().getMatchingProperty(), value);
                }
            } else {
                ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
            }
        }
        return result;
    }

    /** Application data: an object; few keys, so that two of them overlap, among them keys to escape. */
    @Provide
    Arbitrary<JsonNode> data() {
        // Without edge cases: their combinations over three nested levels take seconds per property to build.
        return objects(3).withoutEdgeCases();
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 2).map(IntNode::valueOf),
                Arbitraries.of("", "Hagen", "58095").map(TextNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaves), Tuple.of(2, objects(depth - 1)), Tuple.of(1, arrays(depth - 1)));
    }

    private static Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.of("ort", "plz", "a/b", "m~n", "0", "~1");
        return Arbitraries.maps(keys, value(depth)).ofMaxSize(4).map(fields -> {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            fields.forEach(object::set);
            return object;
        });
    }

    private static Arbitrary<JsonNode> arrays(int depth) {
        return value(depth).list().ofMaxSize(3).map(items -> {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }

    private static JsonNode submitted() throws Exception {
        return JSON.readTree(SUBMITTED);
    }
}
