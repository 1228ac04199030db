package org.amtsweg.e2e;

/**
 * One hostile request.
 *
 * @param mustRefuse true when no service may accept it (a forbidden character, a non-finite number,
 *                   unreadable JSON, an oversize body); false when accepting it can be right (a null for
 *                   an optional field, a number in free-form draft data) — then it only must not fail
 * @param chunked    send the body without a Content-Length
 */
record HostileProbe(
        String name,
        boolean mustRefuse,
        String method,
        String pathAndQuery,
        String contentType,
        byte[] body,
        boolean chunked) {

    HostileProbe(String name, boolean mustRefuse, String method, String pathAndQuery, String contentType, byte[] body) {
        this(name, mustRefuse, method, pathAndQuery, contentType, body, false);
    }
}
