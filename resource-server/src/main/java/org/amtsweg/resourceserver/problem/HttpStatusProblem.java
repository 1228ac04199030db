package org.amtsweg.resourceserver.problem;

import jakarta.ws.rs.core.Response;

/**
 * A bare HTTP error that the framework answers itself (an unknown path, a method or media type not
 * served) as an RFC 9457 problem, keeping the headers that belong to it ({@code Allow},
 * {@code Retry-After}). A status no registered type describes is answered as {@code about:blank}.
 */
public final class HttpStatusProblem {

    private HttpStatusProblem() {}

    public static Problem of(Response original) {
        int status = original.getStatus();
        Problem problem = switch (status) {
            case 400 -> PlatformProblem.BAD_REQUEST.problem("Die Anfrage ist so nicht verständlich.");
            case 401 ->
                PlatformProblem.UNAUTHORIZED.problem(
                        "Melden Sie sich an; die Anfrage braucht ein gültiges Zugriffstoken.");
            case 403 -> PlatformProblem.FORBIDDEN.problem("Diese Anmeldung darf das nicht.");
            case 404 -> PlatformProblem.NOT_FOUND.problem("Unter dieser Adresse gibt es nichts.");
            case 405 -> PlatformProblem.METHOD_NOT_ALLOWED.problem("Diese Adresse unterstützt diese Methode nicht.");
            case 406 -> PlatformProblem.NOT_ACCEPTABLE.problem("Die Antwort gibt es nicht im verlangten Format.");
            case 413 -> RequestTooLarge.problem();
            case 415 ->
                PlatformProblem.UNSUPPORTED_MEDIA_TYPE.problem(
                        "Der Inhalt der Anfrage hat ein Format, das diese Adresse nicht annimmt.");
            case 500 -> PlatformProblem.internalError();
            case 503 ->
                PlatformProblem.TEMPORARILY_UNAVAILABLE.problem(
                        "Der Dienst ist gerade nicht verfügbar; bitte versuchen Sie es gleich erneut.");
            default ->
                Problem.ofStatus(
                        status, titleOf(status), "Die Anfrage wurde mit dem HTTP-Status " + status + " beantwortet.");
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
