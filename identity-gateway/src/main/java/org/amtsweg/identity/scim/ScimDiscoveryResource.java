package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SCIM discovery (RFC 7644 §4): what this provider supports, its resource types and their schemas. */
@Path("/scim/v2")
@Tag(name = "SCIM")
@Produces({ScimMediaType.SCIM_JSON, "application/json"})
public class ScimDiscoveryResource {

    private static final List<JsonNode> SCHEMAS = load();

    private final AdministeringClients callers;
    private final ScimRepresentations representations;

    public ScimDiscoveryResource(AdministeringClients callers, ScimRepresentations representations) {
        this.callers = callers;
        this.representations = representations;
    }

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(summary = "What this SCIM provider supports")
    public Response serviceProviderConfig(@HeaderParam("Authorization") String authorization) {
        callers.scimCaller(authorization);
        ObjectNode config = ScimMediaType.mapper().createObjectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.put("documentationUri", "https://amtsweg.org/docs/identity-gateway#scim");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", ScimQueries.MAX_COUNT);
        config.putObject("changePassword").put("supported", true);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes")
                .addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put(
                        "description",
                        "An access token of this gateway by client_credentials with scope scim, audience identity-gateway")
                .put("primary", true);
        config.putObject("meta")
                .put("resourceType", "ServiceProviderConfig")
                .put("location", representations.base() + "/ServiceProviderConfig");
        return ScimMediaType.respond(200, config).build();
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(summary = "The resource types User and Group")
    public Response resourceTypes(@HeaderParam("Authorization") String authorization) {
        callers.scimCaller(authorization);
        return ScimMediaType.respond(
                        200, ScimRepresentations.listOf(List.of(resourceType("User"), resourceType("Group"))))
                .build();
    }

    @GET
    @Path("/ResourceTypes/{name}")
    public Response resourceType(@HeaderParam("Authorization") String authorization, @PathParam("name") String name) {
        callers.scimCaller(authorization);
        if (!name.equals("User") && !name.equals("Group")) {
            throw ScimError.notFound("ResourceType " + name);
        }
        return ScimMediaType.respond(200, resourceType(name)).build();
    }

    @GET
    @Path("/Schemas")
    @Operation(summary = "The schemas of User, Group and their extensions")
    public Response schemas(@HeaderParam("Authorization") String authorization) {
        callers.scimCaller(authorization);
        List<ObjectNode> schemas = new ArrayList<>();
        SCHEMAS.forEach(schema -> schemas.add((ObjectNode) schema.deepCopy()));
        return ScimMediaType.respond(200, ScimRepresentations.listOf(schemas)).build();
    }

    @GET
    @Path("/Schemas/{id}")
    public Response schema(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        callers.scimCaller(authorization);
        return SCHEMAS.stream()
                .filter(schema -> schema.path("id").asText().equals(id))
                .findFirst()
                .map(schema -> ScimMediaType.respond(200, schema).build())
                .orElseThrow(() -> ScimError.notFound("Schema " + id));
    }

    private ObjectNode resourceType(String name) {
        ObjectNode type = ScimMediaType.mapper().createObjectNode();
        type.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        type.put("id", name).put("name", name).put("endpoint", "/" + name + "s");
        type.put("schema", name.equals("User") ? ScimMediaType.USER : ScimMediaType.GROUP);
        if (name.equals("User")) {
            ArrayNode extensions = type.putArray("schemaExtensions");
            extensions.addObject().put("schema", ScimMediaType.ENTERPRISE_USER).put("required", false);
            extensions.addObject().put("schema", ScimMediaType.ACTIVATION).put("required", false);
        }
        type.putObject("meta")
                .put("resourceType", "ResourceType")
                .put("location", representations.base() + "/ResourceTypes/" + name);
        return type;
    }

    private static List<JsonNode> load() {
        try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("/scim/schemas.json")) {
            List<JsonNode> schemas = new ArrayList<>();
            ScimMediaType.mapper().readTree(in).forEach(schemas::add);
            return List.copyOf(schemas);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the SCIM schemas are missing from the build", e);
        }
    }
}
