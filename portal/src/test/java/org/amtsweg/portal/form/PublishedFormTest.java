package org.amtsweg.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form version into pages and a page's inputs back into typed data, as the citizen's answers must arrive. */
class PublishedFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FORM = """
            {"schema": {"type": "object", "required": ["person", "wohnung"], "properties": {
              "person": {"type": "object", "required": ["vorname", "geburtsdatum"], "properties": {
                "vorname": {"type": "string"}, "geburtsdatum": {"type": "string", "format": "date"},
                "familienstand": {"enum": ["ledig", "verheiratet"]}}},
              "wohnung": {"type": "object", "properties": {
                "flaeche": {"type": "number"}, "raeume": {"type": "integer"}, "heizung_inklusive": {"type": "boolean"},
                "arten": {"type": "array", "items": {"enum": ["rente", "unterhalt"]}},
                "mitbewohner": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}},
                "wahr": {"const": true}}}}},
             "presentation": {"title": "Test", "sections": [
               {"title": "Person", "pointer": "/person", "fields": ["/person/vorname", "/person/geburtsdatum", "/person/familienstand"]},
               {"title": "Wohnung", "pointer": "/wohnung", "fields": ["/wohnung/flaeche", "/wohnung/raeume", "/wohnung/heizung_inklusive",
                 "/wohnung/arten", "/wohnung/mitbewohner", "/wohnung/wahr"]}],
              "labels": {"/person/vorname": "Vorname", "/wohnung/flaeche": "Wohnfläche in m²"},
              "help": {"/wohnung/flaeche": "Laut Mietvertrag."}}}
            """;

    @Test
    void sectionsBecomeStepsWithLabelsHelpPrefillAndErrorsAtTheirFields() throws Exception {
        PublishedForm form = new PublishedForm(JSON.readTree(FORM));
        JsonNode data = JSON.readTree(
                "{\"person\": {\"vorname\": \"Erika\", \"geburtsdatum\": \"1964-08-12\"}, \"wohnung\": {\"flaeche\": 62.5}}");
        List<FormSection> sections =
                form.sections(data, List.of("/person/vorname"), Map.of("/wohnung/flaeche", "zu groß"), pointer -> true);

        assertThat(sections).extracting(FormSection::title).containsExactly("Person", "Wohnung");
        FormField vorname = sections.get(0).fields().get(0);
        assertThat(vorname.label()).isEqualTo("Vorname");
        assertThat(vorname.prefilled()).isTrue();
        assertThat(vorname.required()).isTrue();
        assertThat(sections.get(0).fields().get(1).value()).isEqualTo("12.08.1964");
        FormField flaeche = sections.get(1).fields().get(0);
        assertThat(flaeche.value()).isEqualTo("62,5");
        assertThat(flaeche.help()).isEqualTo("Laut Mietvertrag.");
        assertThat(flaeche.error()).isEqualTo("zu groß");
        assertThat(flaeche.describedBy()).isEqualTo("f-wohnung-flaeche-hilfe f-wohnung-flaeche-fehler");
        assertThat(form.stepOf(sections, "/wohnung/raeume")).isEqualTo(2);
        assertThat(form.stepOf(sections, "/anlagen/mietbescheinigung")).isEqualTo(3);
    }

    @Test
    void aPagesInputsAreTypedAsTheSchemaSaysAndTheRestOfTheDataIsKept() throws Exception {
        PublishedForm form = new PublishedForm(JSON.readTree(FORM));
        JsonNode data = JSON.readTree("{\"person\": {\"vorname\": \"Erika\"}, \"wohnung\": {\"flaeche\": 50}}");
        FormSection wohnung =
                form.sections(data, List.of(), Map.of(), pointer -> true).get(1);

        ObjectNode saved = form.apply(
                wohnung,
                data,
                Map.of(
                        "/wohnung/flaeche",
                        List.of("62,5"),
                        "/wohnung/raeume",
                        List.of("3"),
                        "/wohnung/heizung_inklusive",
                        List.of("false"),
                        "/wohnung/arten",
                        List.of("rente", "unterhalt"),
                        "/wohnung/mitbewohner/0/name",
                        List.of("  "),
                        "/wohnung/wahr",
                        List.of("true")));

        assertThat(saved.at("/person/vorname").asText()).isEqualTo("Erika");
        assertThat(saved.at("/wohnung/flaeche").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(saved.at("/wohnung/raeume").isIntegralNumber()).isTrue();
        assertThat(saved.at("/wohnung/heizung_inklusive").asBoolean(true)).isFalse();
        assertThat(saved.at("/wohnung/arten")).hasSize(2);
        assertThat(saved.at("/wohnung/mitbewohner").isArray()).isTrue();
        assertThat(saved.at("/wohnung/mitbewohner")).isEmpty();
        assertThat(saved.at("/wohnung/wahr").asBoolean()).isTrue();
    }

    @Test
    void whatTheTypeCannotHoldStaysTextForTheServiceToRefuseAndEmptyInputsRemoveTheAnswer() throws Exception {
        PublishedForm form = new PublishedForm(JSON.readTree(FORM));
        JsonNode data = JSON.readTree("{\"person\": {\"vorname\": \"Erika\", \"familienstand\": \"ledig\"}}");
        FormSection person = form.sections(data, List.of(), Map.of(), pointer -> !pointer.equals("/person/vorname"))
                .get(0);

        ObjectNode saved = form.apply(
                person,
                data,
                Map.of(
                        "/person/vorname",
                        List.of("Mallory"),
                        "/person/geburtsdatum",
                        List.of("30.02.2023"),
                        "/person/familienstand",
                        List.of("")));

        assertThat(saved.at("/person/vorname").asText())
                .as("not editable: kept")
                .isEqualTo("Erika");
        assertThat(saved.at("/person/geburtsdatum").asText()).isEqualTo("30.02.2023");
        assertThat(saved.at("/person/familienstand").isMissingNode()).isTrue();
    }
}
