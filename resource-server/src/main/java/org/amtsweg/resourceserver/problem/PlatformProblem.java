package org.amtsweg.resourceserver.problem;

import java.util.List;

/**
 * The problem types of every service's HTTP edge: what the platform refuses the same way everywhere
 * (input, security, availability, the framework's own refusals). A service's domain types are in its own
 * enum, never here.
 */
public enum PlatformProblem implements ProblemType {
    @Definition(status = 400, german = "Ungültige Anfrage", english = "Bad request")
    BAD_REQUEST,
    @Definition(status = 400, german = "Inhalt nicht lesbar", english = "Request body unreadable")
    MALFORMED_BODY,
    @Definition(status = 400, german = "Ungültiger Parameter", english = "Invalid parameter")
    INVALID_PARAMETER,
    @Definition(status = 401, german = "Anmeldung erforderlich", english = "Authentication required")
    UNAUTHORIZED,
    @Definition(status = 403, german = "Keine Berechtigung", english = "Forbidden")
    FORBIDDEN,
    @Definition(status = 403, german = "Vertrauensniveau nicht ausreichend", english = "Trust level too low")
    TRUST_LEVEL_TOO_LOW,
    @Definition(status = 404, german = "Nicht gefunden", english = "Not found")
    NOT_FOUND,
    @Definition(status = 405, german = "Methode nicht erlaubt", english = "Method not allowed")
    METHOD_NOT_ALLOWED,
    @Definition(status = 406, german = "Format nicht lieferbar", english = "Not acceptable")
    NOT_ACCEPTABLE,
    @Definition(status = 413, german = "Anfrage zu groß", english = "Request too large")
    REQUEST_TOO_LARGE,
    @Definition(status = 415, german = "Format nicht unterstützt", english = "Unsupported media type")
    UNSUPPORTED_MEDIA_TYPE,
    @Definition(status = 422, german = "Eingabe fehlerhaft", english = "Invalid input")
    VALIDATION_FAILED,
    @Definition(status = 500, german = "Interner Fehler", english = "Internal error")
    INTERNAL_ERROR,
    @Definition(status = 503, german = "Vorübergehend nicht verfügbar", english = "Temporarily unavailable")
    TEMPORARILY_UNAVAILABLE;

    /** 422 with every violation; nothing was changed. */
    public static Problem validationFailed(List<Violation> violations) {
        return validationFailed(violations, violations.size() + " Angabe(n) sind fehlerhaft; nichts wurde geändert.");
    }

    /** The same, with a detail that says what was not done (e.g. "der Antrag wurde nicht gesendet"). */
    public static Problem validationFailed(List<Violation> violations, String detail) {
        return VALIDATION_FAILED.problem(detail).with("violations", List.copyOf(violations));
    }

    /**
     * 400 for a query, path, header or form parameter (a multipart part included): {@code parameter} names
     * it as the request did, so a client can show the refusal where the value was entered.
     */
    public static Problem invalidParameter(String parameter, String detail) {
        Problem problem = INVALID_PARAMETER.problem(detail);
        return parameter == null ? problem : problem.with("parameter", parameter);
    }

    /** A fault of the service; the detail says nothing of it (the caller logs it). */
    public static Problem internalError() {
        return INTERNAL_ERROR.problem("Die Anfrage konnte wegen eines Fehlers des Dienstes nicht verarbeitet werden.");
    }
}
