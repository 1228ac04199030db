package org.amtsweg.resourceserver.problem;

import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem as a JAX-RS response, for the answers this library gives itself (input and
 * security failures). The type URI is stable, so clients may switch on it; the title belongs to the
 * type and does not change between occurrences; the detail is written for the person who sent the
 * request and never names a class, package or library.
 */
public final class ProblemResponse {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://amtsweg.org/problems/";
    /**
     * Priority for this library's exception mappers: the problem extension registers its own at 999, and
     * for the same exception class the lower number wins. Its answers name Java types and use
     * {@code about:blank}.
     */
    public static final int AHEAD_OF_PROBLEM_EXTENSION = 900;

    private final int status;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();

    private ProblemResponse(int status, String slug, String title, String detail) {
        this.status = status;
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
    }

    public static ProblemResponse of(int status, String slug, String title, String detail) {
        return new ProblemResponse(status, slug, title, detail);
    }

    public ProblemResponse with(String member, Object value) {
        body.put(member, value);
        return this;
    }

    public ProblemResponse header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    /** The problem's members, for writers outside JAX-RS (e.g. a Vert.x route). */
    public Map<String, Object> body() {
        return body;
    }

    public int status() {
        return status;
    }

    public Response build() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
