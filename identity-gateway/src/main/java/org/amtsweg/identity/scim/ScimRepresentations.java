package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.amtsweg.identity.IdentityConfig;

/** Users and groups as RFC 7643 resources, with {@code meta} (location under the gateway's issuer URL). */
@ApplicationScoped
public class ScimRepresentations {

    private final IdentityConfig config;

    public ScimRepresentations(IdentityConfig config) {
        this.config = config;
    }

    public String base() {
        return config.issuer() + "/scim/v2";
    }

    /** @param groups the groups of the user's authority by role (those she is a member of are shown) */
    public ObjectNode user(ScimUser user, Map<String, ScimGroup> groups) {
        ObjectNode node = ScimMediaType.mapper().createObjectNode();
        node.putArray("schemas").add(ScimMediaType.USER).add(ScimMediaType.ENTERPRISE_USER);
        node.put("id", user.id().toString());
        if (user.externalId() != null) {
            node.put("externalId", user.externalId());
        }
        node.put("userName", user.userName());
        if (user.givenName() != null || user.familyName() != null) {
            ObjectNode name = node.putObject("name");
            if (user.givenName() != null) {
                name.put("givenName", user.givenName());
            }
            if (user.familyName() != null) {
                name.put("familyName", user.familyName());
            }
            name.put(
                    "formatted",
                    String.join(
                            " ",
                            Stream.of(user.givenName(), user.familyName())
                                    .filter(Objects::nonNull)
                                    .toList()));
        }
        node.put("displayName", user.displayName());
        if (user.email() != null) {
            node.putArray("emails")
                    .addObject()
                    .put("value", user.email())
                    .put("type", "work")
                    .put("primary", true);
        }
        node.put("active", user.active());
        ArrayNode memberOf = node.putArray("groups");
        for (String role : user.roles()) {
            ScimGroup group = groups.get(role);
            if (group != null) {
                memberOf.addObject()
                        .put("value", group.id().toString())
                        .put("display", group.displayName())
                        .put("$ref", base() + "/Groups/" + group.id())
                        .put("type", "direct");
            }
        }
        node.putObject(ScimMediaType.ENTERPRISE_USER).put("organization", user.authority());
        meta(node, "User", user.created(), user.lastModified(), user.etag(), base() + "/Users/" + user.id());
        return node;
    }

    public ObjectNode group(ScimGroup group, List<ScimUser> members) {
        ObjectNode node = ScimMediaType.mapper().createObjectNode();
        node.putArray("schemas").add(ScimMediaType.GROUP);
        node.put("id", group.id().toString());
        node.put("displayName", group.displayName());
        ArrayNode list = node.putArray("members");
        for (ScimUser member : members) {
            list.addObject()
                    .put("value", member.id().toString())
                    .put("display", member.userName())
                    .put("$ref", base() + "/Users/" + member.id())
                    .put("type", "User");
        }
        meta(node, "Group", group.created(), group.lastModified(), group.etag(), base() + "/Groups/" + group.id());
        return node;
    }

    public static ObjectNode list(List<ObjectNode> page, int total, int startIndex) {
        ObjectNode node = ScimMediaType.mapper().createObjectNode();
        node.putArray("schemas").add(ScimMediaType.LIST_RESPONSE);
        node.put("totalResults", total);
        node.put("startIndex", startIndex);
        node.put("itemsPerPage", page.size());
        ArrayNode resources = node.putArray("Resources");
        page.forEach(resources::add);
        return node;
    }

    /** A complete list (discovery): every resource on one page. */
    public static ObjectNode listOf(List<ObjectNode> all) {
        return list(all, all.size(), 1);
    }

    private static void meta(
            ObjectNode node, String type, Instant created, Instant lastModified, String version, String location) {
        node.putObject("meta")
                .put("resourceType", type)
                .put("created", created.toString())
                .put("lastModified", lastModified.toString())
                .put("version", version)
                .put("location", location);
    }

    static UUID parseId(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ScimError.notFound(what);
        }
    }
}
