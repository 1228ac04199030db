package org.amtsweg.resourceserver.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One RFC 9457 refusal: a registered {@link ProblemType} (type URI, status, title) with the detail of this
 * occurrence, written for the person who sent the request, naming no class, package or library. Thrown
 * from a resource or a service ({@link ProblemAnswer} answers it), or turned into a response directly.
 * Extension members and headers are added before it is thrown; it carries no stack trace, being a
 * refusal, not a fault.
 */
public final class Problem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://amtsweg.org/problems/";
    /**
     * Priority for this library's exception mappers: the problem extension registers its own at 999, and
     * for the same exception class the lower number wins. Its answers name Java types and use
     * {@code about:blank}.
     */
    public static final int AHEAD_OF_PROBLEM_EXTENSION = 900;

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final int status;
    private final String type;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();

    private Problem(int status, String type, String title, String detail) {
        super(type + ": " + detail, null, false, false);
        this.status = status;
        this.type = type;
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
    }

    /** An occurrence of a registered type; a type no catalogue registers is a defect and refused here. */
    public static Problem of(ProblemType type, String detail) {
        ProblemTypes.require(type);
        return new Problem(type.status(), type.uri(), type.title(), detail);
    }

    /**
     * A bare HTTP status of the framework that no registered type describes: RFC 9457's {@code about:blank},
     * whose title is the status's reason phrase (§4.2.1).
     */
    static Problem ofStatus(int status, String title, String detail) {
        return new Problem(status, "about:blank", title, detail);
    }

    /** An extension member; the five members RFC 9457 defines belong to the type and the occurrence. */
    public Problem with(String member, Object value) {
        if (STANDARD_MEMBERS.contains(member)) {
            throw new IllegalArgumentException(member + " is a member of every problem, set by its type");
        }
        body.put(member, value);
        return this;
    }

    public Problem header(String name, Object value) {
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

    /** The type URI. */
    public String type() {
        return type;
    }

    public Map<String, Object> headers() {
        return headers;
    }

    /** Answers a request outside JAX-RS (a Vert.x route ahead of every resource) with this problem. */
    public void send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE);
        headers.forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        response.end(Json.encode(body));
    }

    public Response toResponse() {
        Response.ResponseBuilder response =
                Response.status(status).type(MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
