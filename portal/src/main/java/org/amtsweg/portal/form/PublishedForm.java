package org.amtsweg.portal.form;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A published form version (JSON Schema 2020-12 plus presentation hints) turned into pages: each
 * section a step, each answer an input named by its JSON pointer, with German labels, help texts,
 * eID prefill marks and the service's refusals at their fields — and back: a page's inputs into the
 * application's data, typed as the schema says, so the service's own validation decides.
 */
public final class PublishedForm {

    /** Strict: 30.02.2023 stays text for intake to refuse, never quietly the 28th. */
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter GERMAN_DATE_SHOWN = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode schema;
    private final JsonNode presentation;

    public PublishedForm(JsonNode form) {
        this.schema = form.path("schema");
        this.presentation = form.path("presentation");
    }

    public String title() {
        return presentation.path("title").asText(schema.path("title").asText("Antrag"));
    }

    public int steps() {
        return presentation.path("sections").size();
    }

    /** The label the form gives an answer (or its nearest labelled parent), for clerks' pages and error summaries. */
    public String label(String pointer) {
        String current = pointer;
        while (!current.isEmpty()) {
            JsonNode label = presentation.path("labels").path(current);
            if (label.isTextual()) {
                return label.asText();
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
        return pointer;
    }

    /** The document kinds the form asks for, with their labels, types and size limits. */
    public List<JsonNode> attachments() {
        List<JsonNode> kinds = new ArrayList<>();
        presentation.path("attachments").forEach(kinds::add);
        return kinds;
    }

    /** Every section with the answers in {@code data}; {@code errors} by pointer; {@code editable} decides which inputs may change. */
    public List<FormSection> sections(
            JsonNode data, List<String> prefilled, Map<String, String> errors, Predicate<String> editable) {
        List<FormSection> sections = new ArrayList<>();
        int step = 1;
        for (JsonNode section : presentation.path("sections")) {
            List<FormRow> rows = new ArrayList<>();
            Context context = new Context(data, prefilled == null ? List.of() : prefilled, errors, editable);
            for (JsonNode field : section.path("fields")) {
                String pointer = field.asText();
                rows(pointer, schemaAt(pointer), required(pointer), context, rows);
            }
            sections.add(new FormSection(
                    step++,
                    section.path("title").asText(),
                    section.path("pointer").asText(),
                    List.copyOf(rows)));
        }
        return sections;
    }

    /** The section (step) an answer belongs to, 1-based; the step after the sections (documents, submission) when none does. */
    public int stepOf(List<FormSection> sections, String pointer) {
        return sections.stream()
                .filter(section -> section.contains(pointer))
                .mapToInt(FormSection::step)
                .findFirst()
                .orElse(sections.size() + 1);
    }

    /**
     * The data after a page was sent: each editable input of {@code section} replaces its answer (an empty
     * input removes it, so a draft may stay incomplete); everything else is kept as it was.
     */
    public ObjectNode apply(FormSection section, JsonNode data, Map<String, List<String>> inputs) {
        ObjectNode result = data != null && data.isObject() ? ((ObjectNode) data).deepCopy() : NODES.objectNode();
        Map<String, List<ObjectNode>> lists = new LinkedHashMap<>();
        for (FormField field : section.fields()) {
            if (!field.editable()) {
                continue;
            }
            List<String> sent = inputs.getOrDefault(field.pointer(), List.of());
            JsonNode value = typed(field, schemaAt(schemaPointer(field.pointer())), sent);
            Optional<ListItem> item = ListItem.of(field.pointer(), this);
            if (item.isPresent()) {
                List<ObjectNode> items = lists.computeIfAbsent(item.get().list(), key -> new ArrayList<>());
                while (items.size() <= item.get().index()) {
                    items.add(NODES.objectNode());
                }
                if (value != null) {
                    items.get(item.get().index()).set(item.get().property(), value);
                }
                continue;
            }
            put(result, field.pointer(), value);
        }
        lists.forEach((list, items) -> {
            ArrayNode array = NODES.arrayNode();
            items.stream().filter(entry -> !entry.isEmpty()).forEach(array::add);
            put(result, list, array);
        });
        return result;
    }

    private record Context(
            JsonNode data, List<String> prefilled, Map<String, String> errors, Predicate<String> editable) {}

    /** An answer inside a list of objects: {@code /haushalt/weitere_mitglieder/0/vorname}. */
    private record ListItem(String list, int index, String property) {

        static Optional<ListItem> of(String pointer, PublishedForm form) {
            String[] parts = pointer.split("/");
            for (int i = parts.length - 2; i > 0; i--) {
                if (parts[i].matches("\\d+")) {
                    String list = String.join("/", Arrays.copyOfRange(parts, 0, i));
                    if (form.schemaAt(list).path("type").asText().equals("array")) {
                        return Optional.of(new ListItem(list, Integer.parseInt(parts[i]), parts[parts.length - 1]));
                    }
                }
            }
            return Optional.empty();
        }
    }

    private void rows(String pointer, JsonNode node, boolean required, Context context, List<FormRow> rows) {
        String type = node.path("type").asText("");
        String label = label(pointer);
        if (type.equals("object")) {
            rows.add(FormRow.open(label));
            List<String> requiredChildren = new ArrayList<>();
            node.path("required").forEach(name -> requiredChildren.add(name.asText()));
            for (Iterator<String> names = node.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                rows(
                        pointer + "/" + name,
                        node.path("properties").path(name),
                        requiredChildren.contains(name),
                        context,
                        rows);
            }
            rows.add(FormRow.close());
        } else if (type.equals("array")
                && node.path("items").path("type").asText().equals("object")) {
            rows.add(FormRow.open(label));
            int existing = context.data().at(pointer).size();
            // Each saved entry plus one empty one to add another; empty entries are dropped when the page is sent.
            for (int index = 0; index <= existing; index++) {
                String itemLabel =
                        index < existing ? "Person " + (index + 1) : "Weitere Person hinzufügen (freiwillig)";
                rows.add(FormRow.open(itemLabel));
                JsonNode items = node.path("items");
                List<String> itemRequired = new ArrayList<>();
                items.path("required").forEach(name -> itemRequired.add(name.asText()));
                for (Iterator<String> names = items.path("properties").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    rows.add(FormRow.of(field(
                            pointer + "/" + index + "/" + name,
                            items.path("properties").path(name),
                            index < existing && itemRequired.contains(name),
                            context)));
                }
                rows.add(FormRow.close());
            }
            rows.add(FormRow.close());
        } else {
            rows.add(FormRow.of(field(pointer, node, required, context)));
        }
    }

    private FormField field(String pointer, JsonNode node, boolean required, Context context) {
        JsonNode current = context.data().at(pointer);
        JsonNode ownLabel = presentation.path("labels").path(schemaPointer(pointer));
        String label =
                ownLabel.isTextual() ? ownLabel.asText() : optionLabel(pointer.substring(pointer.lastIndexOf('/') + 1));
        JsonNode help = presentation.path("help").path(schemaPointer(pointer));
        String id = "f" + pointer.replace('/', '-');
        String kind;
        List<FormField.Option> options = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String inputMode = null;
        String autocomplete = null;
        if (node.path("type").asText().equals("array") && node.path("items").has("enum")) {
            kind = "choices";
            current.forEach(value -> values.add(value.asText()));
            node.path("items")
                    .path("enum")
                    .forEach(value -> options.add(new FormField.Option(
                            value.asText(), optionLabel(value.asText()), values.contains(value.asText()))));
        } else if (node.has("enum")) {
            kind = "select";
            node.path("enum")
                    .forEach(value -> options.add(new FormField.Option(
                            value.asText(),
                            optionLabel(value.asText()),
                            value.asText().equals(current.asText(null)))));
        } else if (node.path("const").isBoolean()) {
            kind = "confirm";
            options.add(new FormField.Option("true", label, current.asBoolean(false)));
        } else if (node.path("type").asText().equals("boolean")) {
            kind = "yesno";
            options.add(new FormField.Option("true", "Ja", current.isBoolean() && current.asBoolean()));
            options.add(new FormField.Option("false", "Nein", current.isBoolean() && !current.asBoolean()));
        } else if (node.path("type").asText().equals("number")
                || node.path("type").asText().equals("integer")) {
            kind = "number";
            inputMode = node.path("type").asText().equals("integer") ? "numeric" : "decimal";
        } else if (node.path("format").asText().equals("date")) {
            kind = "date";
        } else {
            kind = "text";
            if (node.path("format").asText().equals("email")) {
                inputMode = "email";
                autocomplete = "email";
            }
        }
        return new FormField(
                pointer,
                id,
                label,
                help.isTextual() ? help.asText() : null,
                kind,
                required,
                List.copyOf(options),
                display(kind, current),
                List.copyOf(values),
                inputMode,
                autocomplete,
                context.errors().get(pointer),
                context.prefilled().contains(pointer),
                context.editable().test(pointer));
    }

    private static String display(String kind, JsonNode current) {
        if (current.isMissingNode() || current.isNull() || current.isContainerNode()) {
            return "";
        }
        if (kind.equals("number") && current.isNumber()) {
            NumberFormat german = NumberFormat.getNumberInstance(Locale.GERMANY);
            german.setGroupingUsed(false);
            german.setMaximumFractionDigits(2);
            return german.format(current.decimalValue());
        }
        if (kind.equals("date")) {
            try {
                return LocalDate.parse(current.asText()).format(GERMAN_DATE_SHOWN);
            } catch (DateTimeParseException notIso) {
                return current.asText();
            }
        }
        return current.asText();
    }

    /** What the citizen typed, as the schema's type; text the type cannot hold stays text, for the service to refuse at its field. */
    private static JsonNode typed(FormField field, JsonNode node, List<String> sent) {
        List<String> given = sent.stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        switch (field.kind()) {
            case "choices" -> {
                if (given.isEmpty()) {
                    return null;
                }
                ArrayNode array = NODES.arrayNode();
                given.stream().distinct().forEach(array::add);
                return array;
            }
            case "confirm" -> {
                return given.contains("true") ? NODES.booleanNode(true) : null;
            }
            case "yesno" -> {
                return given.isEmpty() ? null : NODES.booleanNode(given.get(0).equals("true"));
            }
            default -> {}
        }
        if (given.isEmpty()) {
            return null;
        }
        String value = given.get(0);
        if (field.kind().equals("number")) {
            try {
                BigDecimal number = new BigDecimal(value.replace(".", "").replace(',', '.'));
                if (node.path("type").asText().equals("integer")
                        && number.stripTrailingZeros().scale() <= 0) {
                    return NODES.numberNode(number.toBigIntegerExact());
                }
                return NODES.numberNode(number);
            } catch (NumberFormatException | ArithmeticException notANumber) {
                return NODES.textNode(value);
            }
        }
        if (field.kind().equals("date")) {
            try {
                return NODES.textNode(LocalDate.parse(value, GERMAN_DATE).toString());
            } catch (DateTimeParseException notGerman) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }

    private static void put(ObjectNode data, String pointer, JsonNode value) {
        JsonPointer path = JsonPointer.compile(pointer);
        String name = path.last().getMatchingProperty();
        JsonPointer parent = path.head();
        if (value == null) {
            JsonNode holder = data.at(parent);
            if (holder.isObject()) {
                ((ObjectNode) holder).remove(name);
            }
            return;
        }
        ObjectNode holder = parent.matches() ? data : data.withObject(parent);
        holder.set(name, value);
    }

    private JsonNode schemaAt(String pointer) {
        JsonNode node = schema;
        for (String part : pointer.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            node = node.path("type").asText().equals("array") && part.matches("\\d+")
                    ? node.path("items")
                    : node.path("properties").path(part);
        }
        return node;
    }

    private boolean required(String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? schema : schemaAt(pointer.substring(0, cut));
        String name = pointer.substring(cut + 1);
        for (JsonNode required : parent.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A list entry's answer is labelled like the list's items: {@code /a/0/b} reads the label of {@code /a/b}. */
    private static String schemaPointer(String pointer) {
        return pointer.replaceAll("/\\d+(?=/|$)", "");
    }

    private static String optionLabel(String value) {
        String words = value.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
