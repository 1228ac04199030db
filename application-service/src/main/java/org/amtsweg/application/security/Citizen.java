package org.amtsweg.application.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amtsweg.application.Problems;
import org.amtsweg.events.Applicant;
import org.amtsweg.events.PostalAddress;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The citizen behind a request, as the identity gateway vouched for her in the access token:
 * pseudonymous subject, trust level and the eID data released by the granted scopes.
 */
public record Citizen(String subject, String trustLevel, Optional<String> municipality, ObjectNode claims) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TRUST_LEVELS = List.of("low", "substantial", "high");

    /** The identity attribute holding what {@link #of(JsonWebToken)} found, so that a token is read once, not per request. */
    static final String ATTRIBUTE = Citizen.class.getName();

    /**
     * The citizen behind the request, refusing (403 {@code citizens-only}) the tokens of authority staff
     * and of services acting on their own behalf.
     */
    public static Citizen from(SecurityIdentity identity) {
        Optional<Citizen> known = identity.getAttribute(ATTRIBUTE);
        if (known == null) {
            known = identity.getPrincipal() instanceof JsonWebToken token ? of(token) : Optional.empty();
        }
        return known.orElseThrow(Problems::citizensOnly);
    }

    /**
     * The citizen of a token; empty for staff and services: only a person's login carries a trust level
     * ({@code acr}) without speaking for an authority.
     */
    static Optional<Citizen> of(JsonWebToken token) {
        // getClaim throws and catches an exception inside for every name the JWT specification does not
        // define, present or not: look first which claims there are.
        Set<String> present = token.getClaimNames();
        if (present.contains("authority") || !present.contains("acr")) {
            return Optional.empty();
        }
        ObjectNode claims = MAPPER.createObjectNode();
        for (String name :
                List.of("given_name", "family_name", "birthdate", "municipality", "nationality", "place_of_birth")) {
            if (present.contains(name)) {
                claims.put(name, text(token.getClaim(name)));
            }
        }
        // An impossible birth date (1964-02-30) is treated as not released: it is neither prefilled nor
        // passed on, and cannot fail a submission later.
        if (claims.has("birthdate") && !isDate(claims.get("birthdate").asText())) {
            claims.remove("birthdate");
        }
        if (present.contains("address")) {
            claims.set("address", json(token.getClaim("address")));
        }
        String acr = text(token.getClaim("acr"));
        return Optional.of(new Citizen(
                token.getSubject(),
                acr,
                Optional.ofNullable(claims.path("municipality").textValue()),
                claims));
    }

    /** Whether this login's trust level reaches {@code required}; a level nobody knows is reached by nobody. */
    public boolean reaches(String required) {
        int actual = TRUST_LEVELS.indexOf(trustLevel);
        int demanded = TRUST_LEVELS.indexOf(required);
        return actual >= 0 && demanded >= 0 && actual >= demanded;
    }

    /**
     * Refuses (403 {@code trust-level-too-low}) a login below what an application's service demands.
     * The level counts for everything done with the application, not only for opening and submitting
     * it: a password login must not read or change what an eID login entered.
     */
    public void requireTrustLevel(String required) {
        if (!reaches(required)) {
            throw Problems.trustLevelTooLow(required, trustLevel);
        }
    }

    /** A claim by dotted path, e.g. {@code address.street_address}. */
    public Optional<String> claim(String path) {
        JsonNode node = claims;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        // A JSON null (an address without street) is no value: not the text "null".
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The applicant as the case will see her (once-only: from the identity, not retyped). */
    public Applicant toApplicant() {
        JsonNode address = claims.path("address");
        return new Applicant(
                subject,
                claims.path("given_name").textValue(),
                claims.path("family_name").textValue(),
                claims.hasNonNull("birthdate")
                        ? LocalDate.parse(claims.get("birthdate").asText())
                        : null,
                address.isMissingNode()
                        ? null
                        : new PostalAddress(
                                address.path("street_address").textValue(),
                                address.path("postal_code").textValue(),
                                address.path("locality").textValue(),
                                address.path("country").textValue()),
                municipality.orElse(null),
                trustLevel);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException impossible) {
            return false;
        }
    }

    /** quarkus-oidc hands non-standard claims out as JSON-P values; a string is wanted without its quotes. */
    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }

    private static JsonNode json(Object claim) {
        try {
            return MAPPER.readTree(claim.toString());
        } catch (JsonProcessingException e) {
            return MAPPER.createObjectNode();
        }
    }
}
