package org.amtsweg.application;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.amtsweg.resourceserver.problem.Violation;

import java.net.URI;
import java.util.List;

/** Intake's RFC 9457 problems, each with a stable type URI that clients may switch on. */
public final class Problems {

    private static final String BASE = "https://amtsweg.org/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String detail) {
        return problem("not-found", 404, "Nicht gefunden / Not found", detail).build();
    }

    public static HttpProblem invalid(String field, String detail) {
        return problem("invalid-request", 400, "Ungültige Anfrage / Invalid request", detail).with("field", field).build();
    }

    public static HttpProblem validationFailed(List<Violation> violations, boolean submission) {
        String detail = submission
                ? violations.size() + " Angabe(n) fehlen oder sind fehlerhaft; der Antrag wurde nicht gesendet."
                : violations.size() + " Angabe(n) sind fehlerhaft; der Entwurf wurde nicht geändert.";
        return problem("validation-failed", 422, "Antrag unvollständig oder fehlerhaft / Application incomplete or invalid", detail)
                .with("violations", violations)
                .build();
    }

    /** A request whose own fields are wrong (not the form data): every violation with its JSON pointer into the body. */
    public static HttpProblem invalidFields(List<Violation> violations) {
        return problem("validation-failed", 422, "Eingabe fehlerhaft / Invalid input",
                violations.size() + " Angabe(n) sind fehlerhaft; nichts wurde geändert.")
                .with("violations", violations)
                .build();
    }

    /**
     * The login is weaker than the application's service demands. {@code requiredTrustLevel} is the
     * {@code acr} value a portal asks for ({@code acr_values}) to step the login up.
     */
    public static HttpProblem trustLevelTooLow(String required, String actual) {
        return problem("trust-level-too-low", 403, "Vertrauensniveau nicht ausreichend / Trust level too low",
                "Diese Leistung verlangt mindestens das Vertrauensniveau " + required + "; Ihre Anmeldung hat " + actual
                        + ". Melden Sie sich z. B. mit dem Online-Ausweis an.")
                .with("requiredTrustLevel", required)
                .with("actualTrustLevel", actual)
                .build();
    }

    public static HttpProblem notOnline(String service, String handling, String url, String note) {
        HttpProblem.Builder builder = problem("not-online", 409, "Nicht online beantragbar / Not available online",
                note != null ? note : "Die Leistung " + service + " wird nicht hier online beantragt (" + handling + ").")
                .with("handling", handling);
        if (url != null) {
            builder.with("url", url);
        }
        return builder.build();
    }

    public static HttpProblem noResponsibleAuthority(String service, String ags) {
        return problem("no-responsibility", 422, "Keine zuständige Behörde / No responsible authority",
                "Für " + service + " ist am Ort " + ags + " keine Behörde zuständig.").with("ags", ags).build();
    }

    /** A fault of this service; the detail says nothing of it (it is logged). */
    public static HttpProblem internalError() {
        return problem("internal-error", 500, "Interner Fehler / Internal error",
                "Die Anfrage konnte wegen eines Fehlers des Dienstes nicht verarbeitet werden.").build();
    }

    /** The same type as an unreadable JSON body: the sender's body cannot be read at all. */
    public static HttpProblem unreadableMultipart() {
        return problem("malformed-body", 400, "Inhalt nicht lesbar / Request body unreadable",
                "Der Inhalt ist kein lesbares multipart/form-data: die Grenze (boundary) passt nicht zum Content-Type, "
                        + "oder der Inhalt bricht ab. Erwartet werden die Teile file und kind.").build();
    }

    public static HttpProblem tooLarge(String detail) {
        return problem("too-large", 413, "Datei zu groß / File too large", detail).build();
    }

    public static HttpProblem unsupportedType(String detected, java.util.List<String> accepted) {
        return problem("unsupported-type", 415, "Dateityp nicht erlaubt / File type not accepted",
                "Die Datei ist vom Typ " + detected + "; erlaubt sind " + String.join(", ", accepted) + ".")
                .with("detectedType", detected).with("acceptedTypes", accepted).build();
    }

    public static HttpProblem infected(String signature) {
        return problem("malware-found", 422, "Schadsoftware gefunden / Malware found",
                "Die Datei enthält Schadsoftware (" + signature + ") und wurde nicht gespeichert.").build();
    }

    public static HttpProblem scanUnavailable() {
        return problem("scan-unavailable", 503, "Virenprüfung nicht erreichbar / Virus scan unavailable",
                "Die Datei kann gerade nicht auf Schadsoftware geprüft werden; bitte versuchen Sie es gleich noch einmal.")
                .withHeader("Retry-After", 30).build();
    }

    /** What was found is named in {@code found}, from a fixed vocabulary (see {@code PdfActiveContent}). */
    public static HttpProblem activeContent(List<String> found) {
        return problem("active-content", 422, "Aktive Inhalte im Dokument / Active content in document",
                "Die PDF-Datei enthält aktive Inhalte (" + String.join(", ", found) + ") und wurde nicht gespeichert. "
                        + "Bitte laden Sie eine Fassung ohne Skripte, Aktionen und eingebettete Dateien hoch, z. B. als PDF gedruckt.")
                .with("found", found).build();
    }

    public static HttpProblem encryptedDocument() {
        return problem("encrypted-document", 422, "Verschlüsseltes Dokument / Encrypted document",
                "Die PDF-Datei ist verschlüsselt oder kennwortgeschützt; die Behörde könnte sie nicht öffnen. "
                        + "Bitte laden Sie sie ohne Kennwort und ohne Verschlüsselung hoch.").build();
    }

    public static HttpProblem unreadableDocument() {
        return problem("unreadable-document", 422, "Dokument nicht lesbar / Document unreadable",
                "Die PDF-Datei ist beschädigt oder zu verschachtelt, um sie zu prüfen, und wurde nicht gespeichert.").build();
    }

    /** The key names another application's submission: a client that reuses keys would otherwise get a wrong answer. */
    public static HttpProblem idempotencyKeyReused() {
        return problem("idempotency-key-reused", 422, "Idempotency-Key bereits verwendet / Idempotency key already used",
                "Dieser Idempotency-Key wurde schon für einen anderen Antrag verwendet; jeder Antrag braucht seinen eigenen.")
                .with("field", "Idempotency-Key").build();
    }

    public static HttpProblem fieldsNotEditable(java.util.List<String> pointers) {
        return problem("fields-not-editable", 409, "Angaben nicht änderbar / Fields not editable",
                "Die Behörde hat nur um bestimmte Angaben gebeten; diese Angaben dürfen nicht geändert werden.")
                .with("fields", pointers).build();
    }

    public static HttpProblem changedWhileSubmitting() {
        return problem("changed-while-submitting", 409, "Antrag während des Absendens geändert / Application changed while submitting",
                "Der Antrag wurde während des Absendens mehrfach geändert. Prüfen Sie die Angaben und senden Sie ihn erneut ab.").build();
    }

    public static HttpProblem notEditable(String status) {
        return problem("not-editable", 409, "Antrag nicht änderbar / Application not editable",
                "Der Antrag ist im Status " + status + " und kann nicht mehr geändert werden.").with("currentStatus", status).build();
    }

    public static HttpProblem citizensOnly() {
        return problem("citizens-only", 403, "Nur für Bürgerinnen und Bürger / Citizens only",
                "Anträge stellen Bürgerinnen und Bürger mit ihrem Nutzerkonto, nicht Beschäftigte einer Behörde.").build();
    }

    public static HttpProblem catalogUnavailable() {
        return problem("catalog-unavailable", 503, "Leistungskatalog nicht erreichbar / Catalogue unavailable",
                "Der Leistungskatalog antwortet gerade nicht; bitte versuchen Sie es in einer Minute erneut.")
                .withHeader("Retry-After", 60).build();
    }

    /** The catalogue answered a well-formed question with an error we cannot pass on: a fault between the services. */
    public static HttpProblem catalogError() {
        return problem("catalog-error", 502, "Fehler im Leistungskatalog / Catalogue error",
                "Der Leistungskatalog hat die Anfrage nicht beantwortet; bitte versuchen Sie es später erneut.").build();
    }

    private static HttpProblem.Builder problem(String type, int status, String title, String detail) {
        return HttpProblem.builder().withType(URI.create(BASE + type)).withStatus(status).withTitle(title).withDetail(detail);
    }
}
