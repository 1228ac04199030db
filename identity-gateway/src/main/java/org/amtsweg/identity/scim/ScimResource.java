package org.amtsweg.identity.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A SCIM resource (User or Group) as it is shown: its representation and its version, the ETag. */
public record ScimResource(ObjectNode representation, String etag) {

    /** 200 with the representation and its ETag. */
    Response answer() {
        return ScimMediaType.respond(200, representation).header("ETag", etag).build();
    }

    /** 304 when {@code If-None-Match} names the current version, else {@link #answer()}. */
    Response answer(String ifNoneMatch) {
        return ScimQueries.matches(ifNoneMatch, etag)
                ? Response.notModified().header("ETag", etag).build()
                : answer();
    }

    /** 201 with the representation, its ETag and its location (RFC 7644 §3.3). */
    Response created() {
        return ScimMediaType.respond(201, representation)
                .header("ETag", etag)
                .location(
                        URI.create(representation.path("meta").path("location").asText()))
                .build();
    }
}
