package org.amtsweg.portal.form;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.amtsweg.portal.api.ApiRefusal;

/**
 * The service's refusal as the GOV.UK Design System shows it: a summary at the top, taking focus,
 * with one link per refused answer to its field (on this page or on the step that holds it), and the
 * same message at the field itself.
 */
@TemplateData
public record ErrorSummary(List<Item> items, Map<String, String> byPointer) {

    /** One refused answer: its label, the service's German message, where the field is. */
    @TemplateData
    public record Item(String label, String message, String href) {}

    public static ErrorSummary none() {
        return new ErrorSummary(List.of(), Map.of());
    }

    /** {@code stepUrl} gives the address of a step; fields on {@code currentStep} are linked by anchor only. */
    public static ErrorSummary of(
            ApiRefusal refusal,
            PublishedForm form,
            List<FormSection> sections,
            int currentStep,
            IntFunction<String> stepUrl) {
        List<Item> items = new ArrayList<>();
        Map<String, String> byPointer = new LinkedHashMap<>();
        for (ApiRefusal.Violation violation : refusal.violations()) {
            String pointer = violation.pointer();
            int step = form.stepOf(sections, pointer);
            String anchor = "#f" + pointer.replace('/', '-');
            items.add(new Item(
                    form.label(pointer),
                    violation.message(),
                    step == currentStep ? anchor : stepUrl.apply(step) + anchor));
            byPointer.putIfAbsent(pointer, violation.message());
        }
        if (items.isEmpty()) {
            items.add(new Item(
                    null,
                    refusal.detail().isBlank() ? "Die Angaben wurden nicht angenommen." : refusal.detail(),
                    null));
        }
        return new ErrorSummary(List.copyOf(items), Map.copyOf(byPointer));
    }

    public boolean present() {
        return !items.isEmpty();
    }
}
