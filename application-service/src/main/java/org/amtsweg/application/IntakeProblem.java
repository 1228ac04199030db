package org.amtsweg.application;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * Intake's own problem types (its domain: applications, their documents, the catalogue it asks),
 * listed beside the platform's in {@code META-INF/amtsweg-problem-types}. {@link Problems} builds them.
 * {@code no-responsibility} is the catalogue's type, passed on with the catalogue's status and title (the
 * end-to-end sweep compares every type the services share).
 */
public enum IntakeProblem implements ProblemType {
    @Definition(status = 403, german = "Nur für Bürgerinnen und Bürger", english = "Citizens only")
    CITIZENS_ONLY,
    /** A staff token naming no authority (the same type as case- and usage-service's). */
    @Definition(status = 403, german = "Keine Behörde", english = "No authority")
    NO_AUTHORITY,
    /** An authority's administrator asked for another authority's figures (the same type as usage-service's). */
    @Definition(status = 403, german = "Zahlen einer anderen Behörde", english = "Another authority's figures")
    OTHER_AUTHORITY,
    @Definition(status = 404, german = "Keine zuständige Behörde", english = "No responsible authority")
    NO_RESPONSIBILITY,
    @Definition(status = 409, german = "Nicht online beantragbar", english = "Not available online")
    NOT_ONLINE,
    @Definition(status = 409, german = "Antrag nicht änderbar", english = "Application not editable")
    NOT_EDITABLE,
    @Definition(status = 409, german = "Angaben nicht änderbar", english = "Fields not editable")
    FIELDS_NOT_EDITABLE,
    @Definition(
            status = 409,
            german = "Antrag während des Absendens geändert",
            english = "Application changed while submitting")
    CHANGED_WHILE_SUBMITTING,
    @Definition(status = 413, german = "Datei zu groß", english = "File too large")
    TOO_LARGE,
    @Definition(status = 415, german = "Dateityp nicht erlaubt", english = "File type not accepted")
    UNSUPPORTED_TYPE,
    @Definition(status = 422, german = "Idempotency-Key bereits verwendet", english = "Idempotency key already used")
    IDEMPOTENCY_KEY_REUSED,
    @Definition(status = 422, german = "Schadsoftware gefunden", english = "Malware found")
    MALWARE_FOUND,
    @Definition(status = 422, german = "Aktive Inhalte im Dokument", english = "Active content in document")
    ACTIVE_CONTENT,
    @Definition(status = 422, german = "Verschlüsseltes Dokument", english = "Encrypted document")
    ENCRYPTED_DOCUMENT,
    @Definition(status = 422, german = "Dokument nicht lesbar", english = "Document unreadable")
    UNREADABLE_DOCUMENT,
    @Definition(status = 502, german = "Fehler im Leistungskatalog", english = "Catalogue error")
    CATALOG_ERROR,
    @Definition(status = 503, german = "Leistungskatalog nicht erreichbar", english = "Catalogue unavailable")
    CATALOG_UNAVAILABLE,
    @Definition(status = 503, german = "Virenprüfung nicht erreichbar", english = "Virus scan unavailable")
    SCAN_UNAVAILABLE
}
