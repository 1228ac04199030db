package org.amtsweg.application.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amtsweg.resourceserver.problem.Violation;
import org.junit.jupiter.api.Test;

/**
 * What a citizen reads when the form refuses an answer: the field by its label, in a sentence a person
 * would write, never the validator's phrasing or a key of the schema.
 */
class FieldMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = """
            {"schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
              "required": ["bank", "person", "erklaerung", "arten"],
              "properties": {
                "bank": {"type": "object", "required": ["iban", "kontoinhaber"], "properties": {
                  "iban": {"type": "string", "format": "iban"}, "kontoinhaber": {"type": "string", "minLength": 1, "maxLength": 10}}},
                "person": {"type": "object", "required": ["familienstand"], "additionalProperties": false, "properties": {
                  "postleitzahl": {"type": "string", "pattern": "^[0-9]{5}$"},
                  "familienstand": {"enum": ["ledig", "verheiratet"]},
                  "geburtsdatum": {"type": "string", "format": "date"},
                  "wohnflaeche_qm": {"type": "number", "exclusiveMinimum": 0, "maximum": 1000},
                  "raeume": {"type": "integer", "minimum": 1, "title": "Zahl der Räume"}}},
                "erklaerung": {"const": true},
                "arten": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"enum": ["rente", "lohn"]}}}},
             "presentation": {"labels": {"/bank/iban": "IBAN", "/bank/kontoinhaber": "Kontoinhaber:in", "/person/postleitzahl": "Postleitzahl",
               "/person/familienstand": "Familienstand", "/person/geburtsdatum": "Geburtsdatum",
               "/erklaerung": "Ich versichere, dass meine Angaben wahr sind.", "/arten": "Einkommensarten"}}}
            """;

    private final FormValidator validator = new FormValidator();

    @Test
    void aMissingAnswerIsAskedForByItsLabel() throws Exception {
        Map<String, String> messages =
                german(validator.forSubmission("test/1", form(), JSON.readTree("{\"bank\": {}, \"person\": {}}")));
        assertThat(messages)
                .containsEntry("/bank/iban", "Bitte füllen Sie das Feld „IBAN“ aus.")
                .containsEntry("/bank/kontoinhaber", "Bitte füllen Sie das Feld „Kontoinhaber:in“ aus.")
                .containsEntry("/person/familienstand", "Bitte wählen Sie bei „Familienstand“ eine Antwort.")
                .containsEntry("/erklaerung", "Bitte bestätigen Sie: „Ich versichere, dass meine Angaben wahr sind.“")
                .containsEntry("/arten", "Bitte wählen Sie bei „Einkommensarten“ mindestens eine Antwort.");
    }

    @Test
    void aWrongAnswerSaysWhatIsExpectedInTheCitizensTerms() throws Exception {
        List<Violation> violations = validator.forDraft("test/1", form(), JSON.readTree("""
                {"bank": {"iban": "DE02 1203 0000 0000 2020 52", "kontoinhaber": "Erika Mustermann"},
                 "person": {"postleitzahl": "5809", "familienstand": "geschieden", "geburtsdatum": "1964-02-30",
                            "wohnflaeche_qm": 0, "raeume": 2.5},
                 "arten": []}
                """));
        Map<String, String> messages = german(violations);
        assertThat(messages)
                .containsEntry(
                        "/bank/iban",
                        "Bitte prüfen Sie die IBAN bei „IBAN“: sie ist so nicht gültig (Beispiel: DE02 1203 0000 0000 2020 51).")
                .containsEntry("/bank/kontoinhaber", "„Kontoinhaber:in“ darf höchstens 10 Zeichen lang sein.")
                .containsEntry("/person/postleitzahl", "„Postleitzahl“ besteht aus 5 Ziffern.")
                .containsEntry(
                        "/person/familienstand",
                        "Bitte wählen Sie bei „Familienstand“ eine der vorgesehenen Antworten.")
                .containsEntry("/person/geburtsdatum", "Bitte geben Sie bei „Geburtsdatum“ ein gültiges Datum an.")
                .containsEntry("/person/wohnflaeche_qm", "„Wohnflaeche qm“ muss größer als 0 sein.")
                .containsEntry("/person/raeume", "Bitte geben Sie bei „Zahl der Räume“ eine ganze Zahl ein.");
        // A draft may still be incomplete: an empty list is no refusal yet.
        assertThat(messages).doesNotContainKey("/arten");
        assertThat(violations)
                .filteredOn(violation -> violation.pointer().equals("/bank/kontoinhaber"))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.keyword()).isEqualTo("maxLength");
                    assertThat(violation.messageEn()).isEqualTo("“Kontoinhaber:in” may be at most 10 characters long.");
                });
    }

    @Test
    void noMessageSpeaksTheValidatorsLanguage() throws Exception {
        List<Violation> violations = validator.forSubmission("test/1", form(), JSON.readTree("""
                {"bank": {"iban": 5}, "person": {"familienstand": 1, "unbekannt": "x"}, "erklaerung": false, "arten": ["rente", "rente"]}
                """));
        assertThat(violations).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.message()).doesNotContain("Eigenschaft", "Schema", "muss einen", "'", "$", "/");
            assertThat(violation.messageEn()).doesNotContain("property", "schema", "'", "$", "/");
        });
        assertThat(german(violations))
                .containsEntry("/person/unbekannt", "Diese Angabe gehört nicht zum Formular.")
                .containsEntry("/arten", "„Einkommensarten“ enthält einen Eintrag doppelt.");
    }

    private static JsonNode form() throws Exception {
        return JSON.readTree(FORM);
    }

    private static Map<String, String> german(List<Violation> violations) {
        Map<String, String> messages = new TreeMap<>();
        violations.forEach(violation -> messages.putIfAbsent(violation.pointer(), violation.message()));
        return messages;
    }
}
