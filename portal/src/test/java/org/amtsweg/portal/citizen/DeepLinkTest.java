package org.amtsweg.portal.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feed's deep link {@code /antrag/{service}?ags=} read against a catalogue that answers as catalog-service does (404 for an
 * unknown service or a place nobody serves): the responsible authority chosen, or a page that says why not.
 */
class DeepLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** service → ags → responsible authority, as the catalogue's Zuständigkeit would resolve it. */
    private static final Map<String, Map<String, String>> RESPONSIBLE =
            Map.of("wohngeld", Map.of("05954036", "stadt-witten", "05914000", "stadt-hagen"));

    private final List<String> asked = new ArrayList<>();

    @Test
    void aCitizenOfWittenLandsAtWittensWohngeld() {
        DeepLink.Landing landing = links(200).land("wohngeld", "05954036");
        assertThat(landing.found()).isTrue();
        assertThat(landing.authority()).isEqualTo("stadt-witten");
        assertThat(landing.service()).isEqualTo("wohngeld");
        assertThat(landing.ags()).isEqualTo("05954036");
        assertThat(links(200).land("wohngeld", "05914000").authority()).isEqualTo("stadt-hagen");
    }

    @Test
    void anUnknownServiceLeadsToTheSearch() {
        DeepLink.Landing landing = links(200).land("hundesteuer", "05954036");
        assertThat(landing.found()).isFalse();
        assertThat(landing.title()).isEqualTo("Leistung nicht gefunden");
        assertThat(landing.link()).isEqualTo("/");
        assertThat(links(200).land("../admin", "05954036").title()).isEqualTo("Leistung nicht gefunden");
        assertThat(asked).as("an odd key is never sent on").containsExactly("service hundesteuer");
    }

    @Test
    void aPlaceNobodyServesLeadsToTheServiceToNameAnother() {
        DeepLink.Landing landing = links(200).land("wohngeld", "09162000");
        assertThat(landing.found()).isFalse();
        assertThat(landing.title()).isEqualTo("Ort nicht gefunden");
        assertThat(landing.text()).contains("„Wohngeld“").contains("09162000");
        assertThat(landing.link()).isEqualTo("/leistungen/wohngeld");
        assertThat(links(200).land("wohngeld", "0595").text()).contains("8 Ziffern");
        assertThat(links(200).land("wohngeld", null).title()).isEqualTo("Ort nicht gefunden");
    }

    @Test
    void aCatalogueThatFailsIsNotAMissingPage() {
        // Anything but 404 is the portal's trouble (PageErrors answers 503), not the citizen's link.
        assertThatThrownBy(() -> links(503).land("wohngeld", "05954036")).isInstanceOf(WebApplicationException.class);
    }

    private DeepLink links(int serviceStatus) {
        return new DeepLink(new CatalogStandIn() {
            @Override
            public JsonNode service(String key) {
                asked.add("service " + key);
                if (serviceStatus != 200) {
                    throw new WebApplicationException(serviceStatus);
                }
                if (!RESPONSIBLE.containsKey(key)) {
                    throw new WebApplicationException(404);
                }
                return JSON.createObjectNode().put("key", key).put("name", "Wohngeld");
            }

            @Override
            public JsonNode responsibility(String service, String ags) {
                String authority = RESPONSIBLE.getOrDefault(service, Map.of()).get(ags);
                if (authority == null) {
                    throw new WebApplicationException(404);
                }
                return JSON.createObjectNode()
                        .put("service", service)
                        .put("ags", ags)
                        .set("authority", JSON.createObjectNode().put("id", authority));
            }
        });
    }
}
