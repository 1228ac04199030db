package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amtsweg.portal.api.ApiRefusal;
import org.amtsweg.portal.form.ErrorSummary;
import org.amtsweg.portal.form.FormSection;
import org.amtsweg.portal.form.PublishedForm;

/** An application as intake answered it, with the form version it is pinned to. */
record Draft(JsonNode application, PublishedForm form) {

    String id() {
        return application.path("id").asText();
    }

    String authorityId() {
        return application.path("authority").path("id").asText(null);
    }

    JsonNode data() {
        return application.path("data");
    }

    List<String> prefilled() {
        List<String> pointers = new ArrayList<>();
        application.path("prefilled").forEach(pointer -> pointers.add(pointer.asText()));
        return pointers;
    }

    List<FormSection> sections(Map<String, String> errors) {
        return form.sections(data(), prefilled(), errors, pointer -> true);
    }

    FormSection section(int step) {
        List<FormSection> sections = sections(Map.of());
        if (step < 1 || step > sections.size()) {
            throw new NotFoundException();
        }
        return sections.get(step - 1);
    }

    ErrorSummary summary(ApiRefusal refusal, int currentStep) {
        return ErrorSummary.of(
                refusal,
                form,
                sections(Map.of()),
                currentStep,
                step -> step > form.steps() ? "/antraege/" + id() + "/pruefen" : ApplicationPages.stepUrl(id(), step));
    }
}
