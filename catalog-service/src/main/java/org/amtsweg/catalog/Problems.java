package org.amtsweg.catalog;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;

/** The catalogue's RFC 9457 problems, each with a stable type URI that clients may switch on. */
public final class Problems {

    private static final String BASE = "https://amtsweg.org/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String what, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(BASE + "not-found"))
                .withStatus(404)
                .withTitle(what + " nicht gefunden / " + what + " not found")
                .withDetail(detail)
                .build();
    }

    public static HttpProblem noResponsibility(String service, String ags) {
        return HttpProblem.builder()
                .withType(URI.create(BASE + "no-responsibility"))
                .withStatus(404)
                .withTitle("Keine zuständige Behörde / No responsible authority")
                .withDetail("Für die Leistung " + service + " ist am Ort " + ags + " keine Behörde zuständig.")
                .with("service", service)
                .with("ags", ags)
                .build();
    }

    public static HttpProblem invalidInput(java.util.List<org.amtsweg.catalog.admin.FieldViolation> violations) {
        return invalidInput(violations, java.util.Map.of());
    }

    /** The same, with members that say more about the whole input (e.g. a CSV's unknown and known columns). */
    public static HttpProblem invalidInput(java.util.List<org.amtsweg.catalog.admin.FieldViolation> violations,
                                           java.util.Map<String, Object> members) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(URI.create(BASE + "validation-failed"))
                .withStatus(422)
                .withTitle("Eingabe fehlerhaft / Invalid input")
                .withDetail(violations.size() + " Angabe(n) sind fehlerhaft; nichts wurde geändert.")
                .with("violations", violations);
        members.forEach(problem::with);
        return problem.build();
    }

    /** A body in a charset this service cannot read. */
    public static HttpProblem unsupportedCharset(String charset) {
        return HttpProblem.builder()
                .withType(URI.create(BASE + "unsupported-media-type"))
                .withStatus(415)
                .withTitle("Format nicht unterstützt / Unsupported media type")
                .withDetail("Den Zeichensatz " + charset + " kennt dieser Dienst nicht; senden Sie UTF-8.")
                .with("charset", charset)
                .build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder()
                .withType(URI.create(BASE + "conflict"))
                .withStatus(409)
                .withTitle("Konflikt / Conflict")
                .withDetail(detail)
                .build();
    }

    public static HttpProblem invalidParameter(String parameter, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(BASE + "invalid-parameter"))
                .withStatus(400)
                .withTitle("Ungültiger Parameter / Invalid parameter")
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }
}
