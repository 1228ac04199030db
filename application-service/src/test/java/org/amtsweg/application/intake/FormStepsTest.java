package org.amtsweg.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How far a draft got: the last step of its form whose part of the data holds anything. */
class FormStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theLastStepWithDataCountsEmptyPartsDoNot() throws Exception {
        JsonNode presentation = json("""
                {"sections": [{"title": "Person", "pointer": "/person"}, {"title": "Wohnung", "pointer": "/wohnung"},
                              {"title": "Einkommen", "pointer": "/einkommen"}]}""");
        assertThat(FormSteps.furthest(presentation, json("{}"))).isEqualTo(new FormSteps.Step(0, null));
        assertThat(FormSteps.furthest(presentation, json("{\"person\": {\"name\": \"Erika\"}}")))
                .isEqualTo(new FormSteps.Step(1, "Person"));
        // A step skipped is no step reached; a later one with data is.
        assertThat(FormSteps.furthest(presentation, json("{\"person\": {}, \"einkommen\": {\"betrag\": 0}}")))
                .isEqualTo(new FormSteps.Step(3, "Einkommen"));
        assertThat(FormSteps.furthest(
                        presentation, json("{\"wohnung\": {\"ort\": \" \", \"zimmer\": [], \"x\": null}}")))
                .isEqualTo(new FormSteps.Step(0, null));
        assertThat(FormSteps.furthest(presentation, json("{\"wohnung\": {\"befristet\": false}}")))
                .isEqualTo(new FormSteps.Step(2, "Wohnung"));
        assertThat(FormSteps.last(presentation)).isEqualTo(new FormSteps.Step(3, "Einkommen"));
        assertThat(FormSteps.last(json("{}"))).isEqualTo(new FormSteps.Step(0, null));
    }
}
