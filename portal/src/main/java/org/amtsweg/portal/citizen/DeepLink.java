package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.regex.Pattern;
import org.amtsweg.portal.api.CatalogApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The way in from another portal: {@code /antrag/{service}?ags={ags}}, the deep link the catalogue's Portalverbund feed
 * gives per authority and municipality. It leads to the service's page with that place and its responsible authority
 * chosen, so that the citizen lands on her authority's branded start; what cannot be reached is said in words.
 */
@ApplicationScoped
public class DeepLink {

    private static final Pattern SERVICE_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern AGS = Pattern.compile("\\d{8}");

    private final CatalogApi catalog;

    public DeepLink(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    /**
     * Where the link leads: the service's page ({@code authority} the responsible one), or a page that says why not.
     *
     * @param link where to go from the refusal (the search, or the service's page to name another place)
     */
    public record Landing(
            String service, String ags, String authority, String title, String text, String link, String linkText) {

        boolean found() {
            return authority != null;
        }
    }

    public Landing land(String service, String ags) {
        if (service == null || !SERVICE_KEY.matcher(service).matches() || service.length() > 64) {
            return unknownService();
        }
        if (ags == null || !AGS.matcher(ags).matches()) {
            return unknownPlace(
                    service, "Der Link nennt keinen gültigen Ort: ein Amtlicher Gemeindeschlüssel hat 8 Ziffern.");
        }
        JsonNode shown;
        try {
            shown = catalog.service(service);
        } catch (WebApplicationException failure) {
            if (failure.getResponse().getStatus() == 404) {
                return unknownService();
            }
            throw failure;
        }
        try {
            JsonNode responsibility = catalog.responsibility(service, ags);
            return new Landing(
                    service, ags, responsibility.path("authority").path("id").asText(), null, null, null, null);
        } catch (WebApplicationException failure) {
            if (failure.getResponse().getStatus() == 404) {
                return unknownPlace(
                        service,
                        "Für „" + shown.path("name").asText(service) + "“ ist an dem Ort, den der Link nennt (" + ags
                                + "), keine Behörde an dieses Portal angeschlossen. Geben Sie Ihren Ort an, dann sehen Sie, wer für Sie zuständig ist.");
            }
            throw failure;
        }
    }

    private static Landing unknownService() {
        return new Landing(
                null,
                null,
                null,
                "Leistung nicht gefunden",
                "Diese Leistung gibt es in unserem Katalog nicht (mehr). Suchen Sie sie bitte über die Startseite.",
                "/",
                "Zur Suche");
    }

    private static Landing unknownPlace(String service, String text) {
        return new Landing(service, null, null, "Ort nicht gefunden", text, "/leistungen/" + service, "Ort angeben");
    }
}
