package org.amtsweg.portal.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the citizen typed as her place, read: an AGS as it is, one municipality taken, several offered, none said. */
class PlaceSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> asked = new ArrayList<>();

    @Test
    void anAgsIsTakenAsItIsWithoutAskingTheCatalogue() {
        PlaceSearch.Found found = search("{}").find(" 0591 4000 ", null, "");
        assertThat(found.ags()).isEqualTo("05914000");
        assertThat(asked).isEmpty();
    }

    @Test
    void oneMunicipalityIsHerPlace() {
        PlaceSearch.Found found = search(
                        "{\"items\":[{\"ags\":\"05914000\",\"name\":\"Hagen\",\"postalCodes\":[\"58095\"]}]}")
                .find("58095", "wohngeld", "");
        assertThat(found.ags()).isEqualTo("05914000");
        assertThat(asked).containsExactly("58095");
    }

    @Test
    void severalAreOfferedWithTheirPostalCodesAndTheWayBack() {
        PlaceSearch.Found found = search(
                        "{\"items\":[{\"ags\":\"07111000\",\"name\":\"Koblenz\",\"postalCodes\":[\"56068\",\"56070\",\"56072\",\"56073\"]},"
                                + "{\"ags\":\"08337059\",\"name\":\"Koblenz (Baden)\",\"postalCodes\":[]}]}")
                .find("Koblenz", null, "Wohngeld & Miete");
        assertThat(found.isPlace()).isFalse();
        assertThat(found.error()).isNull();
        assertThat(found.choices()).hasSize(2);
        assertThat(found.choices().get(0))
                .containsEntry("postalCodes", "56068, 56070, 56072 …")
                .containsEntry("href", "/ort?ags=07111000&q=Wohngeld+%26+Miete");
        assertThat(search("{\"items\":[{\"ags\":\"1\",\"name\":\"A\"},{\"ags\":\"2\",\"name\":\"B\"}]}")
                        .find("Ab", "wohngeld", "")
                        .choices()
                        .get(1))
                .containsEntry("href", "/ort?ags=2&leistung=wohngeld");
    }

    @Test
    void nothingFoundOrNothingTypedIsSaidAtTheField() {
        assertThat(search("{\"items\":[]}").find("Atlantis", null, "").error())
                .contains("„Atlantis“")
                .contains("Postleitzahl");
        assertThat(search("{}").find(" ", null, "").error()).startsWith("Geben Sie Ihre Postleitzahl");
        assertThat(asked).as("a blank field asks the catalogue nothing").containsExactly("Atlantis");
    }

    private PlaceSearch search(String answer) {
        return new PlaceSearch(new CatalogStandIn() {
            @Override
            public JsonNode places(String query, Integer limit) {
                asked.add(query);
                try {
                    return JSON.readTree(answer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
