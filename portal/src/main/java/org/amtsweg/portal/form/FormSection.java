package org.amtsweg.portal.form;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A section of the form, shown as one step of the journey, with its rows in order. */
@TemplateData
public record FormSection(int step, String title, String pointer, List<FormRow> rows) {

    public List<FormField> fields() {
        return rows.stream().filter(FormRow::isField).map(FormRow::field).toList();
    }

    public boolean contains(String dataPointer) {
        return dataPointer.equals(pointer) || dataPointer.startsWith(pointer + "/");
    }
}
