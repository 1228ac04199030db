package org.amtsweg.application;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.amtsweg.application.validation.Violation;

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

    public static HttpProblem trustLevelTooLow(String required, String actual) {
        return problem("insufficient-trust-level", 403, "Vertrauensniveau nicht ausreichend / Trust level too low",
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

    private static HttpProblem.Builder problem(String type, int status, String title, String detail) {
        return HttpProblem.builder().withType(URI.create(BASE + type)).withStatus(status).withTitle(title).withDetail(detail);
    }
}
