package org.amtsweg.catalog.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The areas a responsibility can be registered for: the municipality (AGS), its Land and the federation.
 * A Kreis is no area of its own here (the database only admits 8-digit AGS, 2-digit Land codes and DE).
 */
class AreaHierarchyTest {

    @Test
    void hagenLiesInNordrheinWestfalenAndTheFederationMostSpecificFirst() {
        assertThat(AreaHierarchy.containing("05914000")).containsExactly("05914000", "05", "DE");
    }

    @Test
    void dortmundAndHagenShareOnlyTheirLandAndTheFederation() {
        List<String> dortmund = AreaHierarchy.containing("05913000");
        List<String> hagen = AreaHierarchy.containing("05914000");
        assertThat(dortmund).containsExactly("05913000", "05", "DE");
        assertThat(dortmund).filteredOn(hagen::contains).containsExactly("05", "DE");
    }

    @Test
    void aMunichAgsLiesInBavaria() {
        assertThat(AreaHierarchy.containing("09162000")).containsExactly("09162000", "09", "DE");
    }

    @Test
    void onlyEightDigitsAreAnAgs() {
        assertThat(AreaHierarchy.isAgs("05914000")).isTrue();
        assertThat(AreaHierarchy.isAgs("5914")).isFalse();
        assertThat(AreaHierarchy.isAgs("059140000")).isFalse();
        assertThat(AreaHierarchy.isAgs("05914")).isFalse();
        assertThat(AreaHierarchy.isAgs("05 914 000")).isFalse();
        assertThat(AreaHierarchy.isAgs("0591400a")).isFalse();
        assertThat(AreaHierarchy.isAgs("DE")).isFalse();
        assertThat(AreaHierarchy.isAgs("")).isFalse();
        assertThat(AreaHierarchy.isAgs(null)).isFalse();
        // Arabic-Indic digits are digits to Character.isDigit, but no AGS.
        assertThat(AreaHierarchy.isAgs("٠٥٩١٤٠٠٠")).isFalse();
        assertThat(AreaHierarchy.isAgs("05914000\n")).isFalse();
    }

    @Test
    void whatIsNoAgsHasNoAreas() {
        assertThatIllegalArgumentException().isThrownBy(() -> AreaHierarchy.containing("5914"));
        assertThatIllegalArgumentException().isThrownBy(() -> AreaHierarchy.containing(null));
    }

    @Property
    void everyAgsLiesInItselfItsLandAndTheFederation(@ForAll @NumericChars @StringLength(8) String ags) {
        assertThat(AreaHierarchy.isAgs(ags)).isTrue();
        List<String> areas = AreaHierarchy.containing(ags);
        assertThat(areas).containsExactly(ags, ags.substring(0, 2), "DE");
        // Each area is one the responsibility table admits: ^([0-9]{2}|[0-9]{8}|DE)$.
        assertThat(areas).allMatch(area -> area.matches("[0-9]{2}|[0-9]{8}|DE"));
    }

    @Property
    void noOtherLengthIsAnAgs(@ForAll @CharRange(from = '0', to = '9') @StringLength(max = 20) String digits) {
        assertThat(AreaHierarchy.isAgs(digits)).isEqualTo(digits.length() == 8);
    }
}
