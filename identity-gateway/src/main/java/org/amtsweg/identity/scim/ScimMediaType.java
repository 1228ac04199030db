package org.amtsweg.identity.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

/** The SCIM wire format: {@code application/scim+json} (RFC 7644 §8.1), written here rather than by content negotiation. */
public final class ScimMediaType {

    public static final String SCIM_JSON = "application/scim+json";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Only in the answer to a creation without password: the holder's one-time link to set it. */
    public static final String ACTIVATION = "urn:amtsweg:params:scim:schemas:extension:activation:2.0:User";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScimMediaType() {}

    public static Response.ResponseBuilder respond(int status, JsonNode body) {
        try {
            return Response.status(status).type(SCIM_JSON + "; charset=UTF-8").entity(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SCIM answer not writable", e);
        }
    }

    public static Response error(ScimError error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("schemas").add(ERROR);
        body.put("status", String.valueOf(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType());
        }
        body.put("detail", error.getMessage());
        Response.ResponseBuilder response = respond(error.status(), body);
        if (error.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        return response.build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
