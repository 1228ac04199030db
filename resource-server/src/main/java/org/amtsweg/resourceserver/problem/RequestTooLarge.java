package org.amtsweg.resourceserver.problem;

/** The one answer to a request body above the service's limit, wherever the limit is noticed. */
public final class RequestTooLarge {

    private RequestTooLarge() {}

    public static Problem problem() {
        return PlatformProblem.REQUEST_TOO_LARGE.problem(
                "Der Inhalt der Anfrage ist größer, als dieser Dienst annimmt.");
    }
}
