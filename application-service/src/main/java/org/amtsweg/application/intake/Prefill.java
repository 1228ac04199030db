package org.amtsweg.application.intake;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.security.Citizen;

/**
 * Once-only: fills a new draft with what the identity already proved (names, birth date, address),
 * following the form's {@code prefill} hints (JSON pointer → claim path).
 */
public final class Prefill {

    private Prefill() {}

    /** The prefilled data and the pointers that were filled. */
    public record Result(ObjectNode data, List<String> pointers) {}

    public static Result from(JsonNode presentation, Citizen citizen) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        List<String> filled = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> hints =
                presentation.path("prefill").fields();
        while (hints.hasNext()) {
            Map.Entry<String, JsonNode> hint = hints.next();
            citizen.claim(hint.getValue().asText()).ifPresent(value -> {
                JsonPointer pointer = JsonPointer.compile(hint.getKey());
                data.withObject(pointer.head()).put(pointer.last().getMatchingProperty(), value);
                filled.add(hint.getKey());
            });
        }
        return new Result(data, filled);
    }
}
