package org.amtsweg.resourceserver.problem;

/** The one answer to a request body above the service's limit, wherever the limit is noticed. */
public final class RequestTooLarge {

    private RequestTooLarge() {
    }

    public static ProblemResponse problem() {
        return ProblemResponse.of(413, "request-too-large", "Anfrage zu groß / Request too large",
                "Der Inhalt der Anfrage ist größer, als dieser Dienst annimmt.");
    }
}
