package org.amtsweg.resourceserver.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry as a contract: one status and one title per type, nothing answered that is not in it. */
class ProblemTypesTest {

    /** A type whose owner forgot to list its enum. */
    enum Unlisted implements ProblemType {
        @Definition(status = 409, german = "Seltsam", english = "Odd")
        SOMETHING_ODD
    }

    /** Another owner's type that takes a platform slug. */
    enum Usurper implements ProblemType {
        @Definition(status = 422, german = "Nichts da", english = "Nothing there")
        NOT_FOUND
    }

    /** Types that contradict what a problem type is. */
    enum Contradictions implements ProblemType {
        @Definition(status = 202, german = "Angenommen", english = "Accepted")
        ACCEPTED,
        @Definition(status = 409, german = " ", english = "Conflict")
        UNTITLED,
        UNDEFINED
    }

    @Test
    void thePlatformsTypesAreRegisteredWithTheirSlugsStatusesAndTitles() {
        ProblemTypes installed = ProblemTypes.installed();
        assertThat(installed.all()).contains(PlatformProblem.values());
        assertThat(installed.find("validation-failed")).containsSame(PlatformProblem.VALIDATION_FAILED);
        assertThat(PlatformProblem.TRUST_LEVEL_TOO_LOW.uri())
                .isEqualTo("https://amtsweg.org/problems/trust-level-too-low");
        assertThat(PlatformProblem.FORBIDDEN.title()).isEqualTo("Keine Berechtigung / Forbidden");
    }

    @Test
    void anOccurrenceCarriesTheTypesStatusAndTitleAndItsOwnDetail() {
        Problem problem =
                PlatformProblem.NOT_FOUND.problem("Es gibt keinen Antrag 42.").with("id", 42);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.body())
                .containsEntry("type", "https://amtsweg.org/problems/not-found")
                .containsEntry("title", "Nicht gefunden / Not found")
                .containsEntry("status", 404)
                .containsEntry("detail", "Es gibt keinen Antrag 42.")
                .containsEntry("id", 42);
        assertThatThrownBy(() -> problem.with("title", "Antrag nicht gefunden"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypeNobodyRegisteredCannotBeAnswered() {
        assertThat(ProblemTypes.installed().contains(Unlisted.SOMETHING_ODD)).isFalse();
        assertThatThrownBy(() -> Unlisted.SOMETHING_ODD.problem("…"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("something-odd")
                .hasMessageContaining("is not registered");
    }

    @Test
    void aSlugRegisteredTwiceStopsTheLoading() {
        assertThatThrownBy(() -> ProblemTypes.of(List.of(PlatformProblem.NOT_FOUND, Usurper.NOT_FOUND)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not-found is registered twice");
    }

    @Test
    void aTypeThatIsNoRefusalOrHasNoTitleIsRefused() {
        assertThatThrownBy(() -> ProblemTypes.of(List.of(Contradictions.ACCEPTED)))
                .hasMessageContaining("status 202 is no refusal");
        assertThatThrownBy(() -> ProblemTypes.of(List.of(Contradictions.UNTITLED)))
                .hasMessageContaining("needs a German and an English title");
        assertThatThrownBy(() -> ProblemTypes.of(List.of(Contradictions.UNDEFINED)))
                .hasMessageContaining("has no @ProblemType.Definition");
    }
}
