package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.amtsweg.identity.staff.PasswordRules;

/**
 * The writable attributes of a User as a SCIM client sends them (POST, PUT, or the result of a PATCH).
 * {@code groups} is read-only (membership is changed on the Group), {@code id} and {@code meta} are the
 * provider's. The authority is the enterprise extension's {@code organization}.
 */
record UserInput(
        String userName,
        String externalId,
        String givenName,
        String familyName,
        String displayName,
        String email,
        boolean active,
        String authority,
        String password) {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern AUTHORITY = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    static UserInput from(JsonNode body, AdministeringClient caller) {
        if (body == null || !body.isObject()) {
            throw ScimError.invalidSyntax("the request body must be a JSON object");
        }
        if (!contains(body.path("schemas"), ScimMediaType.USER)) {
            throw ScimError.invalidSyntax("schemas must contain " + ScimMediaType.USER);
        }
        String userName = text(body, "userName", 64, true);
        if (!USER_NAME.matcher(userName).matches()) {
            throw ScimError.invalidValue(
                    "userName must be 1 to 64 characters of letters, digits and . _ @ -, starting with a letter or digit");
        }
        JsonNode name = body.path("name");
        String givenName = name.isObject() ? text(name, "givenName", 100, false) : null;
        String familyName = name.isObject() ? text(name, "familyName", 100, false) : null;
        String displayName = text(body, "displayName", 200, false);
        if (displayName == null) {
            displayName = givenName != null || familyName != null
                    ? String.join(
                            " ",
                            Stream.of(givenName, familyName)
                                    .filter(Objects::nonNull)
                                    .toList())
                    : userName;
        }
        String email = null;
        JsonNode emails = body.path("emails");
        if (!emails.isMissingNode() && !emails.isNull()) {
            if (!emails.isArray()) {
                throw ScimError.invalidValue("emails must be an array");
            }
            for (JsonNode entry : emails) {
                if (email == null || entry.path("primary").asBoolean(false)) {
                    email = text(entry, "value", 254, true);
                }
            }
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw ScimError.invalidValue("emails.value must be an e-mail address");
            }
        }
        JsonNode activeNode = body.path("active");
        if (!activeNode.isMissingNode() && !activeNode.isNull() && !activeNode.isBoolean()) {
            throw ScimError.invalidValue("active must be true or false");
        }
        boolean active = !activeNode.isBoolean() || activeNode.booleanValue();
        String externalId = text(body, "externalId", 200, false);
        String authority = text(body.path(ScimMediaType.ENTERPRISE_USER), "organization", 64, false);
        if (authority == null) {
            authority = caller.authority()
                    .orElseThrow(() -> ScimError.invalidValue("the authority is required: "
                            + ScimMediaType.ENTERPRISE_USER + ":organization, e.g. stadt-witten"));
        }
        if (!AUTHORITY.matcher(authority).matches()) {
            throw ScimError.invalidValue("organization must be an authority id such as stadt-witten");
        }
        if (!caller.manages(authority)) {
            throw ScimError.invalidValue(
                    "this client manages the accounts of " + caller.authority().orElseThrow() + " only");
        }
        String password = text(body, "password", PasswordRules.MAX_LENGTH, false);
        if (password != null) {
            PasswordRules.check(userName, password).ifPresent(broken -> {
                throw ScimError.invalidValue(broken.english());
            });
        }
        return new UserInput(
                userName, externalId, givenName, familyName, displayName, email, active, authority, password);
    }

    private static String text(JsonNode node, String field, int max, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw ScimError.invalidValue(field + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ScimError.invalidValue(field + " must be a non-empty string");
        }
        if (value.asText().length() > max) {
            throw ScimError.invalidValue(field + " must have at most " + max + " characters");
        }
        return value.asText().trim();
    }

    static boolean contains(JsonNode array, String value) {
        if (array.isArray()) {
            for (JsonNode entry : array) {
                if (value.equalsIgnoreCase(entry.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
