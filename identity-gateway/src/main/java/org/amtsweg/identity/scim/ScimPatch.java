package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** Request bodies of the SCIM endpoints, and RFC 7644 §3.5.2 PATCH applied by UnboundID's SDK to a resource's representation. */
final class ScimPatch {

    private ScimPatch() {}

    static JsonNode body(String text) {
        if (text == null || text.isBlank()) {
            throw ScimError.invalidSyntax("the request body is missing");
        }
        try {
            return ScimMediaType.mapper().readTree(text);
        } catch (IOException e) {
            throw ScimError.invalidSyntax("the request body is not JSON");
        }
    }

    /** The PATCH request's operations, as a change of the representation; {@code readOnly} names what no operation may touch. */
    static UnaryOperator<ObjectNode> operations(String text, List<String> readOnly) {
        JsonNode body = body(text);
        if (!UserInput.contains(body.path("schemas"), ScimMediaType.PATCH_OP)) {
            throw ScimError.invalidSyntax("schemas must contain " + ScimMediaType.PATCH_OP);
        }
        PatchRequest request;
        try {
            request = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(body);
        } catch (IOException | IllegalArgumentException e) {
            throw ScimError.invalidSyntax("the PATCH request is not valid: " + e.getMessage());
        }
        if (request.getOperations() == null || request.getOperations().isEmpty()) {
            throw ScimError.invalidValue("Operations must list at least one operation");
        }
        for (PatchOperation operation : request.getOperations()) {
            String path = operation.getPath() == null ? "" : operation.getPath().toString();
            JsonNode value = operation.getJsonNode();
            for (String attribute : readOnly) {
                if (path.regionMatches(true, 0, attribute, 0, attribute.length())
                        || (path.isEmpty() && value != null && value.has(attribute))) {
                    throw ScimError.mutability(attribute + " is read-only here");
                }
            }
        }
        return current -> {
            ObjectNode changed = current.deepCopy();
            for (PatchOperation operation : request.getOperations()) {
                try {
                    operation.apply(changed);
                } catch (ScimException e) {
                    String type =
                            e.getScimError() == null ? null : e.getScimError().getScimType();
                    throw new ScimError(400, type == null ? "invalidValue" : type, e.getMessage());
                }
            }
            return changed;
        };
    }
}
