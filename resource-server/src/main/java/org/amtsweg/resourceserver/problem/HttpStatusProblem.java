package org.amtsweg.resourceserver.problem;

import jakarta.ws.rs.core.Response;

/**
 * A bare HTTP error that the framework answers itself (an unknown path, a method or media type not
 * served) as an RFC 9457 problem, keeping the headers that belong to it ({@code Allow},
 * {@code Retry-After}).
 */
public final class HttpStatusProblem {

    private HttpStatusProblem() {
    }

    public static ProblemResponse of(Response original) {
        int status = original.getStatus();
        ProblemResponse problem = switch (status) {
            case 400 -> ProblemResponse.of(400, "bad-request", "Ungültige Anfrage / Bad request",
                    "Die Anfrage ist so nicht verständlich.");
            case 404 -> ProblemResponse.of(404, "not-found", "Nicht gefunden / Not found",
                    "Unter dieser Adresse gibt es nichts.");
            case 405 -> ProblemResponse.of(405, "method-not-allowed", "Methode nicht erlaubt / Method not allowed",
                    "Diese Adresse unterstützt diese Methode nicht.");
            case 406 -> ProblemResponse.of(406, "not-acceptable", "Format nicht lieferbar / Not acceptable",
                    "Die Antwort gibt es nicht im verlangten Format.");
            case 413 -> RequestTooLarge.problem();
            case 415 -> ProblemResponse.of(415, "unsupported-media-type", "Format nicht unterstützt / Unsupported media type",
                    "Der Inhalt der Anfrage hat ein Format, das diese Adresse nicht annimmt.");
            default -> ProblemResponse.of(status, "http-" + status, titleOf(status),
                    "Die Anfrage wurde mit dem HTTP-Status " + status + " beantwortet.");
        };
        for (String header : new String[] {"Allow", "Retry-After", "WWW-Authenticate"}) {
            String value = original.getHeaderString(header);
            if (value != null) {
                problem.header(header, value);
            }
        }
        return problem;
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
