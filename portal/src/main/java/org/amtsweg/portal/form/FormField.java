package org.amtsweg.portal.form;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One input of a rendered form, derived from the published JSON Schema and its presentation hints.
 *
 * @param pointer  the JSON pointer of the answer in the application's data, also the input's name
 * @param kind     {@code text}, {@code date}, {@code number}, {@code select}, {@code yesno}, {@code confirm}, {@code choices}
 * @param value    the current answer as text; {@code values} for a choice of several
 * @param prefilled the answer came from the eID (once-only)
 * @param editable false where only some fields may change (an information request)
 */
@TemplateData
public record FormField(
        String pointer,
        String id,
        String label,
        String help,
        String kind,
        boolean required,
        List<Option> options,
        String value,
        List<String> values,
        String inputMode,
        String autocomplete,
        String error,
        boolean prefilled,
        boolean editable) {

    /** A value of an enumeration with its German label. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {}

    public boolean hasError() {
        return error != null;
    }

    public String describedBy() {
        String ids = (help == null ? "" : id + "-hilfe ") + (error == null ? "" : id + "-fehler");
        return ids.isBlank() ? null : ids.trim();
    }

    /** The answer as a person reads it, for summaries and read-only fields. */
    public String display() {
        if ("choices".equals(kind) || "select".equals(kind) || "yesno".equals(kind) || "confirm".equals(kind)) {
            List<String> chosen =
                    options.stream().filter(Option::selected).map(Option::label).toList();
            return chosen.isEmpty() ? "—" : String.join(", ", chosen);
        }
        return value == null || value.isBlank() ? "—" : value;
    }
}
