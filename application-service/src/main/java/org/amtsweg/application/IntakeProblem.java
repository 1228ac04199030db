package org.amtsweg.application;

import org.amtsweg.resourceserver.problem.ProblemCatalog;
import org.amtsweg.resourceserver.problem.ProblemType;

import java.util.Collection;
import java.util.List;

/**
 * Intake's own problem types (its domain: applications, their documents, the catalogue it asks),
 * registered beside the platform's in {@code META-INF/services}. {@link Problems} builds them.
 * {@code no-responsibility} is the catalogue's type, passed on with the catalogue's status and title (the
 * end-to-end sweep compares every type the services share).
 */
public enum IntakeProblem implements ProblemType {

    CITIZENS_ONLY(403, "Nur für Bürgerinnen und Bürger", "Citizens only"),
    NO_RESPONSIBILITY(404, "Keine zuständige Behörde", "No responsible authority"),
    NOT_ONLINE(409, "Nicht online beantragbar", "Not available online"),
    NOT_EDITABLE(409, "Antrag nicht änderbar", "Application not editable"),
    FIELDS_NOT_EDITABLE(409, "Angaben nicht änderbar", "Fields not editable"),
    CHANGED_WHILE_SUBMITTING(409, "Antrag während des Absendens geändert", "Application changed while submitting"),
    TOO_LARGE(413, "Datei zu groß", "File too large"),
    UNSUPPORTED_TYPE(415, "Dateityp nicht erlaubt", "File type not accepted"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key bereits verwendet", "Idempotency key already used"),
    MALWARE_FOUND(422, "Schadsoftware gefunden", "Malware found"),
    ACTIVE_CONTENT(422, "Aktive Inhalte im Dokument", "Active content in document"),
    ENCRYPTED_DOCUMENT(422, "Verschlüsseltes Dokument", "Encrypted document"),
    UNREADABLE_DOCUMENT(422, "Dokument nicht lesbar", "Document unreadable"),
    CATALOG_ERROR(502, "Fehler im Leistungskatalog", "Catalogue error"),
    CATALOG_UNAVAILABLE(503, "Leistungskatalog nicht erreichbar", "Catalogue unavailable"),
    SCAN_UNAVAILABLE(503, "Virenprüfung nicht erreichbar", "Virus scan unavailable");

    private final int status;
    private final String german;
    private final String english;

    IntakeProblem(int status, String german, String english) {
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

    /** Listed in {@code META-INF/services/org.amtsweg.resourceserver.problem.ProblemCatalog}. */
    public static final class Catalog implements ProblemCatalog {
        @Override
        public Collection<? extends ProblemType> types() {
            return List.of(values());
        }
    }
}
