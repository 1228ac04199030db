package org.amtsweg.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Public catalogue reads with an {@code ETag} of their content and a {@code Cache-Control} lifetime:
 * a portal revalidates with {@code If-None-Match} and gets 304 without a body when nothing changed.
 */
@ApplicationScoped
public class CacheableResponses {

    private final ObjectMapper mapper;

    public CacheableResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param maxAgeSeconds how long a cache may serve it without asking
     * @param immutable     for content that never changes under this URL (published form versions)
     */
    public Response of(Request request, Object body, int maxAgeSeconds, boolean immutable) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a catalogue answer", e);
        }
        EntityTag tag = new EntityTag(digest(json));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(maxAgeSeconds);
        cache.setNoTransform(false);
        if (immutable) {
            cache.getCacheExtension().put("immutable", null);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .tag(tag)
                .cacheControl(cache)
                .build();
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
