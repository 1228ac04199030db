package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steps of a form as the portal walks a citizen through them: the sections of its presentation, in order,
 * each under a pointer into the data. How far a draft got is the last step whose part of the data holds anything.
 */
public final class FormSteps {

    private FormSteps() {}

    /** A step of the form: 1-based; 0 with no title when the data holds nothing of any step. */
    public record Step(int number, String title) {}

    public static Step furthest(JsonNode presentation, JsonNode data) {
        JsonNode sections = presentation.path("sections");
        Step furthest = new Step(0, null);
        for (int i = 0; i < sections.size(); i++) {
            JsonNode section = sections.get(i);
            String pointer = section.path("pointer").asText("");
            if (!pointer.isEmpty() && holdsSomething(data.at(pointer))) {
                furthest = new Step(i + 1, section.path("title").asText(null));
            }
        }
        return furthest;
    }

    /** The last step of the form: where every submitted draft got. */
    public static Step last(JsonNode presentation) {
        JsonNode sections = presentation.path("sections");
        return sections.isEmpty()
                ? new Step(0, null)
                : new Step(
                        sections.size(),
                        sections.get(sections.size() - 1).path("title").asText(null));
    }

    private static boolean holdsSomething(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (holdsSomething(child)) {
                    return true;
                }
            }
            return false;
        }
        return !(node.isTextual() && node.asText().isBlank());
    }
}
