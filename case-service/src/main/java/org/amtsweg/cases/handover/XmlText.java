package org.amtsweg.cases.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.amtsweg.resourceserver.input.PlainText;

/**
 * The export's text as XML 1.0 can carry it. Intake refuses characters outside the platform's
 * {@link PlainText} rule now, but cases opened earlier may hold them (U+0001, U+000B, U+FFFE, a lone
 * surrogate), and no XML writer can write those: the export answered 500. Here each such character
 * becomes U+FFFD (the replacement character), and the export says how many were replaced, so that a
 * specialist procedure knows the text is not verbatim; the JSON export carries it as stored.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    /** Only for the round trip of the export's own records; the service's mapper has request-reading rules. */
    private static final ObjectMapper RECORDS = JsonMapper.builder().build();

    private XmlText() {}

    /** The XML export with every forbidden character of every text replaced, and the count in {@code replacedCharacters}. */
    static CaseExport replaceForbidden(CaseExport export) {
        JsonNode tree = RECORDS.valueToTree(export);
        int replaced = replaceIn(tree);
        if (replaced == 0) {
            return export;
        }
        try {
            // XML carries the data as fields only; read back, an absent data tree would be a JSON null.
            return RECORDS.treeToValue(tree, CaseExport.class)
                    .withReplacedCharacters(replaced)
                    .withoutData();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export does not read back as itself", e);
        }
    }

    /** {@code text} with each char outside the rule replaced; {@code count[0]} grows by the number replaced. */
    static String replaceForbidden(String text, int[] count) {
        int forbidden = PlainText.firstForbidden(text);
        if (forbidden < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        int from = 0;
        while (forbidden >= 0) {
            clean.append(text, from, from + forbidden).append(REPLACEMENT);
            count[0]++;
            from += forbidden + 1;
            forbidden = PlainText.firstForbidden(text.subSequence(from, text.length()));
        }
        return clean.append(text, from, text.length()).toString();
    }

    private static int replaceIn(JsonNode tree) {
        int[] count = {0};
        walk(tree, count);
        return count[0];
    }

    private static void walk(JsonNode node, int[] count) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    object.set(name, text(value, count));
                } else {
                    walk(value, count);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, text(array.get(i), count));
                } else {
                    walk(array.get(i), count);
                }
            }
        }
    }

    private static JsonNode text(JsonNode value, int[] count) {
        String original = value.textValue();
        String clean = replaceForbidden(original, count);
        return clean == original ? value : TextNode.valueOf(clean);
    }
}
