package org.amtsweg.portal.branding;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.regex.Pattern;

/**
 * The authority a citizen deals with, as every page shows it (Corporate Identity): name, name line,
 * logo and colours — on a centrally operated service too, so that a citizen of Hagen sees Hagen.
 */
@TemplateData
public record Authority(
        String id,
        String name,
        String nameLine,
        String primaryColor,
        String secondaryColor,
        String imprintUrl,
        String privacyUrl) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** The catalogue's authority ids; anything else is never sent on. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static Authority of(JsonNode authority) {
        JsonNode branding = authority.path("branding");
        return new Authority(
                authority.path("id").asText(),
                authority.path("name").asText(),
                branding.path("nameLine").asText(null),
                colour(branding.path("primaryColor").asText(), "#1d4e89"),
                colour(branding.path("secondaryColor").asText(), "#ffffff"),
                branding.path("imprintUrl").asText(null),
                branding.path("privacyUrl").asText(null));
    }

    /** Colours go into a stylesheet: only {@code #rrggbb} passes, so nothing else can be written into CSS. */
    private static String colour(String value, String fallback) {
        return COLOUR.matcher(value).matches() ? value : fallback;
    }
}
