package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.CatalogApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The citizen's place from what she typed before login (Ortssuche): an 8-digit AGS as it is, else the catalogue's
 * municipalities of a postal code or of a name that begins so — one is her place, several are offered to choose.
 */
@ApplicationScoped
public class PlaceSearch {

    private static final Pattern AGS = Pattern.compile("\\d{8}");

    /** What the search found: her place's AGS, the municipalities to choose from, or what to say instead. */
    public record Found(String ags, List<Map<String, String>> choices, String error) {

        boolean isPlace() {
            return ags != null;
        }
    }

    private final CatalogApi catalog;

    public PlaceSearch(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    /** {@code serviceKey} or {@code query}: the page a choice returns to, the service or the search. */
    public Found find(String typed, String serviceKey, String query) {
        String text = typed == null ? "" : typed.strip();
        String digits = text.replace(" ", "");
        if (AGS.matcher(digits).matches()) {
            return new Found(digits, List.of(), null);
        }
        if (text.length() < 2) {
            return new Found(
                    null,
                    List.of(),
                    "Geben Sie Ihre Postleitzahl, Ihren Ort oder den Gemeindeschlüssel an, z. B. 58095 oder Hagen.");
        }
        JsonNode found;
        try {
            found = catalog.places(text.length() > 100 ? text.substring(0, 100) : text, 10)
                    .path("items");
        } catch (WebApplicationException refused) {
            if (refused.getResponse() == null || refused.getResponse().getStatus() != 400) {
                throw refused;
            }
            return new Found(
                    null,
                    List.of(),
                    "Diese Angabe können wir nicht suchen. Geben Sie die Postleitzahl oder den Namen Ihres Ortes an.");
        }
        if (found.size() == 1) {
            return new Found(found.get(0).path("ags").asText(), List.of(), null);
        }
        if (found.isEmpty()) {
            return new Found(
                    null,
                    List.of(),
                    "Zu „" + text
                            + "“ kennen wir keine Gemeinde. Prüfen Sie die Schreibweise, oder geben Sie die Postleitzahl an.");
        }
        List<Map<String, String>> choices = new ArrayList<>();
        for (JsonNode place : found) {
            List<String> codes = new ArrayList<>();
            place.path("postalCodes").forEach(code -> codes.add(code.asText()));
            String shown =
                    String.join(", ", codes.subList(0, Math.min(3, codes.size()))) + (codes.size() > 3 ? " …" : "");
            String href = "/ort?ags=" + place.path("ags").asText()
                    + (serviceKey == null || serviceKey.isEmpty() ? "" : "&leistung=" + serviceKey)
                    + (query == null || query.isBlank()
                            ? ""
                            : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            choices.add(Map.of(
                    "ags",
                    place.path("ags").asText(),
                    "name",
                    place.path("name").asText(),
                    "postalCodes",
                    shown,
                    "href",
                    href));
        }
        return new Found(null, choices, null);
    }
}
