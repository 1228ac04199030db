package org.amtsweg.resourceserver.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Checks a request body, as a JSON tree, against the platform's rules for values: every key and every
 * string is {@link PlainText}, every number finite ({@code 1e400} is read as infinity and was stored as
 * {@code "Infinity"}).
 */
public final class BodyText {

    /** Enough to show a sender what is wrong without answering with the whole of a hostile body. */
    static final int MAX_VIOLATIONS = 20;

    private BodyText() {}

    public static List<Violation> violations(JsonNode body) {
        List<Violation> found = new ArrayList<>();
        walk(body, "", found);
        return found;
    }

    private static void walk(JsonNode node, String pointer, List<Violation> found) {
        if (found.size() >= MAX_VIOLATIONS || node == null) {
            return;
        }
        if (node.isTextual()) {
            checkText(node.textValue(), pointer, found);
        } else if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                found.add(new Violation(
                        pointer,
                        "number",
                        "Die Zahl ist zu groß oder keine endliche Zahl.",
                        "The number is too large or not finite."));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + escape(field.getKey());
                if (!PlainText.isAcceptable(field.getKey())) {
                    found.add(new Violation(
                            child,
                            "text",
                            "Der Feldname enthält ein nicht erlaubtes Zeichen ("
                                    + PlainText.describeForbidden(field.getKey()) + ").",
                            "The field name contains a character that is not allowed ("
                                    + PlainText.describeForbidden(field.getKey()) + ")."));
                    continue;
                }
                walk(field.getValue(), child, found);
            }
        }
    }

    private static void checkText(String text, String pointer, List<Violation> found) {
        if (!PlainText.isAcceptable(text)) {
            String character = PlainText.describeForbidden(text);
            found.add(new Violation(
                    pointer,
                    "text",
                    "Der Text enthält ein nicht erlaubtes Zeichen (" + character + ").",
                    "The text contains a character that is not allowed (" + character + ")."));
        }
    }

    /** RFC 6901: {@code ~} and {@code /} inside a key are written {@code ~0} and {@code ~1}. */
    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}
