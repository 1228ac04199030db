package org.amtsweg.application.status;

import static org.amtsweg.application.status.ApplicationStatus.DRAFT;
import static org.amtsweg.application.status.ApplicationStatus.INFORMATION_REQUESTED;
import static org.amtsweg.application.status.ApplicationStatus.SUBMITTED;
import static org.amtsweg.application.status.ApplicationStatus.SUPPLEMENTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of an application's lifecycle: what the citizen may do in which status. */
class ApplicationStatusTest {

    @Test
    void theCitizenSubmitsADraftAndAnswersAnInformationRequestAndMakesNoOtherMove() {
        List<String> moves = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : ApplicationStatus.values()) {
                if (from.canMoveTo(to)) {
                    moves.add(from + " → " + to);
                }
            }
        }
        assertThat(moves).containsExactlyInAnyOrder("DRAFT → SUBMITTED", "INFORMATION_REQUESTED → SUPPLEMENTED");
    }

    @Test
    void theDataStaysEditableInADraftAndWhileTheAuthorityAsksForMoreThenOnlyTheFieldsAskedAbout() {
        assertThat(where(ApplicationStatus::dataEditable)).containsExactlyInAnyOrder(DRAFT, INFORMATION_REQUESTED);
        assertThat(where(ApplicationStatus::onlyRequestedFieldsEditable)).containsExactly(INFORMATION_REQUESTED);
    }

    @Test
    void aDraftTakesAnyDocumentAnInformationRequestOnlyTheRequestedOnesAndOnlyADraftGivesOneBack() {
        assertThat(where(status -> status.acceptsDocument(false))).containsExactly(DRAFT);
        assertThat(where(status -> status.acceptsDocument(true)))
                .containsExactlyInAnyOrder(DRAFT, INFORMATION_REQUESTED);
        assertThat(where(ApplicationStatus::documentsRemovable)).containsExactly(DRAFT);
    }

    @Test
    void everyStatusButTheDraftHasReachedTheAuthority() {
        assertThat(where(status -> !status.isSubmitted())).containsExactly(DRAFT);
    }

    @Test
    void everyStatusCaseServiceSendsIsOneOfTheLifecycle() throws IOException {
        JsonNode schema;
        try (InputStream in =
                getClass().getResourceAsStream("/org/amtsweg/events/schemas/CaseStatusChanged.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        Set<String> sent = names(schema.at("/properties/status/enum"));
        assertThat(sent).contains("RECEIVED", "IN_REVIEW", "INFORMATION_REQUESTED", "DECIDED");
        assertThat(sent)
                .allSatisfy(name -> assertThat(ApplicationStatus.of(name)).isPresent());
        // Besides the case's statuses only the citizen's own: before the case exists, and her answer.
        Set<String> own = Arrays.stream(ApplicationStatus.values())
                .map(Enum::name)
                .filter(name -> !sent.contains(name))
                .collect(Collectors.toSet());
        assertThat(own).containsExactlyInAnyOrder(DRAFT.name(), SUBMITTED.name(), SUPPLEMENTED.name());
    }

    @Test
    void aStatusIsFoundByItsStoredNameAndAnUnknownOneIsNone() {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            assertThat(ApplicationStatus.of(status.name())).contains(status);
        }
        assertThat(ApplicationStatus.of("SUSPENDED")).isEmpty();
        assertThat(ApplicationStatus.of("draft")).isEmpty();
        assertThat(ApplicationStatus.of(null)).isEmpty();
    }

    private static Set<ApplicationStatus> where(Predicate<ApplicationStatus> rule) {
        return Arrays.stream(ApplicationStatus.values())
                .filter(rule)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApplicationStatus.class)));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
