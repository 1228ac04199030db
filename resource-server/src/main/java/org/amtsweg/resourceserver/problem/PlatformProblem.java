package org.amtsweg.resourceserver.problem;

import java.util.Collection;
import java.util.List;

/**
 * The problem types of every service's HTTP edge: what the platform refuses the same way everywhere
 * (input, security, availability, the framework's own refusals). A service's domain types are in its own
 * enum, never here.
 */
public enum PlatformProblem implements ProblemType {

    BAD_REQUEST(400, "Ungültige Anfrage", "Bad request"),
    MALFORMED_BODY(400, "Inhalt nicht lesbar", "Request body unreadable"),
    INVALID_PARAMETER(400, "Ungültiger Parameter", "Invalid parameter"),
    UNAUTHORIZED(401, "Anmeldung erforderlich", "Authentication required"),
    FORBIDDEN(403, "Keine Berechtigung", "Forbidden"),
    TRUST_LEVEL_TOO_LOW(403, "Vertrauensniveau nicht ausreichend", "Trust level too low"),
    NOT_FOUND(404, "Nicht gefunden", "Not found"),
    METHOD_NOT_ALLOWED(405, "Methode nicht erlaubt", "Method not allowed"),
    NOT_ACCEPTABLE(406, "Format nicht lieferbar", "Not acceptable"),
    REQUEST_TOO_LARGE(413, "Anfrage zu groß", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Format nicht unterstützt", "Unsupported media type"),
    VALIDATION_FAILED(422, "Eingabe fehlerhaft", "Invalid input"),
    INTERNAL_ERROR(500, "Interner Fehler", "Internal error"),
    TEMPORARILY_UNAVAILABLE(503, "Vorübergehend nicht verfügbar", "Temporarily unavailable");

    private final int status;
    private final String german;
    private final String english;

    PlatformProblem(int status, String german, String english) {
        this.status = status;
        this.german = german;
        this.english = english;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String german() {
        return german;
    }

    @Override
    public String english() {
        return english;
    }

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

    /** Registers the platform's types (listed in this library's {@code META-INF/services}). */
    public static final class Catalog implements ProblemCatalog {
        @Override
        public Collection<? extends ProblemType> types() {
            return List.of(values());
        }
    }
}
