package org.amtsweg.resourceserver.problem;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry as a contract: one status and one title per type, nothing answered that is not in it. */
class ProblemTypesTest {

    /** A type whose owner forgot to list its catalogue. */
    enum Unlisted implements ProblemType {
        SOMETHING_ODD;

        @Override
        public int status() {
            return 409;
        }

        @Override
        public String german() {
            return "Seltsam";
        }

        @Override
        public String english() {
            return "Odd";
        }
    }

    /** Another owner's type that takes a platform slug. */
    enum Usurper implements ProblemType {
        NOT_FOUND;

        @Override
        public int status() {
            return 422;
        }

        @Override
        public String german() {
            return "Nichts da";
        }

        @Override
        public String english() {
            return "Nothing there";
        }
    }

    @Test
    void thePlatformsTypesAreRegisteredWithTheirSlugsStatusesAndTitles() {
        ProblemTypes installed = ProblemTypes.installed();
        assertThat(installed.all()).contains(PlatformProblem.values());
        assertThat(installed.find("validation-failed")).containsSame(PlatformProblem.VALIDATION_FAILED);
        assertThat(PlatformProblem.TRUST_LEVEL_TOO_LOW.uri()).isEqualTo("https://amtsweg.org/problems/trust-level-too-low");
        assertThat(PlatformProblem.FORBIDDEN.title()).isEqualTo("Keine Berechtigung / Forbidden");
    }

    @Test
    void anOccurrenceCarriesTheTypesStatusAndTitleAndItsOwnDetail() {
        Problem problem = PlatformProblem.NOT_FOUND.problem("Es gibt keinen Antrag 42.").with("id", 42);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.body()).containsEntry("type", "https://amtsweg.org/problems/not-found")
                .containsEntry("title", "Nicht gefunden / Not found").containsEntry("status", 404)
                .containsEntry("detail", "Es gibt keinen Antrag 42.").containsEntry("id", 42);
        assertThatThrownBy(() -> problem.with("title", "Antrag nicht gefunden")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypeNobodyRegisteredCannotBeAnswered() {
        assertThat(ProblemTypes.installed().contains(Unlisted.SOMETHING_ODD)).isFalse();
        assertThatThrownBy(() -> Unlisted.SOMETHING_ODD.problem("…"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("something-odd").hasMessageContaining("is not registered");
    }

    @Test
    void aSlugRegisteredTwiceStopsTheLoading() {
        assertThatThrownBy(() -> ProblemTypes.of(List.of(PlatformProblem.NOT_FOUND, Usurper.NOT_FOUND)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not-found is registered twice");
    }

    @Test
    void aStatusThatIsNoRefusalIsRefused() {
        ProblemType accepted = new ProblemType() {
            @Override
            public String name() {
                return "ACCEPTED";
            }

            @Override
            public int status() {
                return 202;
            }

            @Override
            public String german() {
                return "Angenommen";
            }

            @Override
            public String english() {
                return "Accepted";
            }
        };
        assertThatThrownBy(() -> ProblemTypes.of(List.of(accepted))).hasMessageContaining("status 202 is no refusal");
    }
}
