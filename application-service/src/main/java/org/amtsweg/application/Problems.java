package org.amtsweg.application;

import java.util.List;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Intake's refusals, each of a registered type ({@link IntakeProblem}, or the platform's) with the detail
 * of its occurrence.
 */
public final class Problems {

    private Problems() {}

    public static Problem notFound(String detail) {
        return PlatformProblem.NOT_FOUND.problem(detail);
    }

    /** A query, header or multipart parameter that cannot be used; {@code parameter} names it as sent. */
    public static Problem invalidParameter(String parameter, String detail) {
        return PlatformProblem.invalidParameter(parameter, detail);
    }

    /** One value of the request's JSON body, refused with its pointer; the detail says the same in a sentence. */
    public static Problem invalidField(String pointer, String keyword, String message, String messageEn) {
        return PlatformProblem.validationFailed(List.of(new Violation(pointer, keyword, message, messageEn)), message);
    }

    /** The application's data against its form: on submission everything counts, in a draft only what is wrong. */
    public static Problem validationFailed(List<Violation> violations, boolean submission) {
        String detail = submission
                ? violations.size() + " Angabe(n) fehlen oder sind fehlerhaft; der Antrag wurde nicht gesendet."
                : violations.size() + " Angabe(n) sind fehlerhaft; der Entwurf wurde nicht geändert.";
        return PlatformProblem.validationFailed(violations, detail);
    }

    /** A request whose own fields are wrong (not the form data): every violation with its JSON pointer into the body. */
    public static Problem invalidFields(List<Violation> violations) {
        return PlatformProblem.validationFailed(violations);
    }

    /**
     * The login is weaker than the application's service demands. {@code requiredTrustLevel} is the
     * {@code acr} value a portal asks for ({@code acr_values}) to step the login up.
     */
    public static Problem trustLevelTooLow(String required, String actual) {
        return PlatformProblem.TRUST_LEVEL_TOO_LOW
                .problem("Diese Leistung verlangt mindestens das Vertrauensniveau " + required + "; Ihre Anmeldung hat "
                        + actual + ". Melden Sie sich z. B. mit dem Online-Ausweis an.")
                .with("requiredTrustLevel", required)
                .with("actualTrustLevel", actual);
    }

    public static Problem notOnline(String service, String handling, String url, String note) {
        Problem problem = IntakeProblem.NOT_ONLINE
                .problem(
                        note != null
                                ? note
                                : "Die Leistung " + service + " wird nicht hier online beantragt (" + handling + ").")
                .with("handling", handling);
        return url == null ? problem : problem.with("url", url);
    }

    /** The catalogue's answer, passed on: the same type, status and members as {@code GET /responsibility}. */
    public static Problem noResponsibleAuthority(String serviceKey, String serviceName, String ags) {
        return IntakeProblem.NO_RESPONSIBILITY
                .problem("Für " + serviceName + " ist am Ort " + ags + " keine Behörde zuständig.")
                .with("service", serviceKey)
                .with("ags", ags);
    }

    /** A fault of this service; the detail says nothing of it (it is logged). */
    public static Problem internalError() {
        return PlatformProblem.internalError();
    }

    public static Problem tooLarge(String detail) {
        return IntakeProblem.TOO_LARGE.problem(detail);
    }

    public static Problem unsupportedType(String detected, List<String> accepted) {
        return IntakeProblem.UNSUPPORTED_TYPE
                .problem("Die Datei ist vom Typ " + detected + "; erlaubt sind " + String.join(", ", accepted) + ".")
                .with("detectedType", detected)
                .with("acceptedTypes", accepted);
    }

    public static Problem infected(String signature) {
        return IntakeProblem.MALWARE_FOUND.problem(
                "Die Datei enthält Schadsoftware (" + signature + ") und wurde nicht gespeichert.");
    }

    public static Problem scanUnavailable() {
        return IntakeProblem.SCAN_UNAVAILABLE
                .problem(
                        "Die Datei kann gerade nicht auf Schadsoftware geprüft werden; bitte versuchen Sie es gleich noch einmal.")
                .header("Retry-After", 30);
    }

    /** What was found is named in {@code found}, from a fixed vocabulary (see {@code PdfActiveContent}). */
    public static Problem activeContent(List<String> found) {
        return IntakeProblem.ACTIVE_CONTENT
                .problem("Die PDF-Datei enthält aktive Inhalte (" + String.join(", ", found)
                        + ") und wurde nicht gespeichert. Bitte laden Sie eine Fassung ohne Skripte, Aktionen und eingebettete Dateien hoch, "
                        + "z. B. als PDF gedruckt.")
                .with("found", found);
    }

    public static Problem encryptedDocument() {
        return IntakeProblem.ENCRYPTED_DOCUMENT.problem(
                "Die PDF-Datei ist verschlüsselt oder kennwortgeschützt; die Behörde könnte sie nicht "
                        + "öffnen. Bitte laden Sie sie ohne Kennwort und ohne Verschlüsselung hoch.");
    }

    public static Problem unreadableDocument() {
        return IntakeProblem.UNREADABLE_DOCUMENT.problem(
                "Die PDF-Datei ist beschädigt oder zu verschachtelt, um sie zu prüfen, und wurde nicht gespeichert.");
    }

    /** The key names another application's submission: a client that reuses keys would otherwise get a wrong answer. */
    public static Problem idempotencyKeyReused() {
        return IntakeProblem.IDEMPOTENCY_KEY_REUSED
                .problem(
                        "Dieser Idempotency-Key wurde schon für einen anderen Antrag verwendet; jeder Antrag braucht seinen eigenen.")
                .with("parameter", "Idempotency-Key");
    }

    public static Problem fieldsNotEditable(List<String> pointers) {
        return IntakeProblem.FIELDS_NOT_EDITABLE
                .problem(
                        "Die Behörde hat nur um bestimmte Angaben gebeten; diese Angaben dürfen nicht geändert werden.")
                .with("fields", pointers);
    }

    public static Problem changedWhileSubmitting() {
        return IntakeProblem.CHANGED_WHILE_SUBMITTING.problem(
                "Der Antrag wurde während des Absendens mehrfach geändert. Prüfen Sie die Angaben und senden Sie ihn erneut ab.");
    }

    public static Problem notEditable(String status) {
        return IntakeProblem.NOT_EDITABLE
                .problem("Der Antrag ist im Status " + status + " und kann nicht mehr geändert werden.")
                .with("currentStatus", status);
    }

    public static Problem citizensOnly() {
        return IntakeProblem.CITIZENS_ONLY.problem(
                "Anträge stellen Bürgerinnen und Bürger mit ihrem Nutzerkonto, nicht Beschäftigte einer Behörde.");
    }

    public static Problem catalogUnavailable() {
        return IntakeProblem.CATALOG_UNAVAILABLE
                .problem("Der Leistungskatalog antwortet gerade nicht; bitte versuchen Sie es in einer Minute erneut.")
                .header("Retry-After", 60);
    }

    /** The catalogue answered a well-formed question with an error we cannot pass on: a fault between the services. */
    public static Problem catalogError() {
        return IntakeProblem.CATALOG_ERROR.problem(
                "Der Leistungskatalog hat die Anfrage nicht beantwortet; bitte versuchen Sie es später erneut.");
    }
}
