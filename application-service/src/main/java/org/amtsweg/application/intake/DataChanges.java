package org.amtsweg.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields of the application data changed, as JSON pointers to the changed values (an object or
 * array that changed as a whole is named by its own pointer when it appeared or disappeared).
 */
public final class DataChanges {

    private DataChanges() {}

    public static List<String> between(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        collect(
                "",
                before == null ? MissingNode.getInstance() : before,
                after == null ? MissingNode.getInstance() : after,
                changed);
        return changed;
    }

    /** The changed pointers that no editable pointer covers (itself or an ancestor). */
    public static List<String> outside(List<String> changed, List<String> editable) {
        return changed.stream()
                .filter(pointer -> editable.stream()
                        .noneMatch(allowed -> pointer.equals(allowed) || pointer.startsWith(allowed + "/")))
                .toList();
    }

    private static void collect(String pointer, JsonNode before, JsonNode after, List<String> changed) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(
                        pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                        before.path(name),
                        after.path(name),
                        changed);
            }
            return;
        }
        if (before.isArray() && after.isArray() && before.size() == after.size()) {
            Iterator<JsonNode> left = before.elements();
            Iterator<JsonNode> right = after.elements();
            for (int index = 0; left.hasNext(); index++) {
                collect(pointer + "/" + index, left.next(), right.next(), changed);
            }
            return;
        }
        changed.add(pointer.isEmpty() ? "/" : pointer);
    }
}
