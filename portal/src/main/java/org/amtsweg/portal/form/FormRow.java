package org.amtsweg.portal.form;

import io.quarkus.qute.TemplateData;

/**
 * A line of a form page in document order: a group opens ({@code legend}), a field, or the group closes.
 * Flat rows keep the templates free of recursion however deeply the schema nests its objects.
 */
@TemplateData
public record FormRow(String kind, String legend, FormField field) {

    static FormRow open(String legend) {
        return new FormRow("open", legend, null);
    }

    static FormRow close() {
        return new FormRow("close", null, null);
    }

    static FormRow of(FormField field) {
        return new FormRow("field", null, field);
    }

    public boolean isOpen() {
        return "open".equals(kind);
    }

    public boolean isClose() {
        return "close".equals(kind);
    }

    public boolean isField() {
        return "field".equals(kind);
    }
}
