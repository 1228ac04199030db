package org.amtsweg.cases;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;

/** The case service's RFC 9457 problems, each with a stable type URI that clients may switch on. */
public final class Problems {

    private static final String BASE = "https://amtsweg.org/problems/";

    private Problems() {
    }

    public static HttpProblem notFound(String detail) {
        return HttpProblem.builder().withType(URI.create(BASE + "not-found")).withStatus(404)
                .withTitle("Nicht gefunden / Not found").withDetail(detail).build();
    }

    public static HttpProblem invalidParameter(String parameter, String detail) {
        return HttpProblem.builder().withType(URI.create(BASE + "invalid-parameter")).withStatus(400)
                .withTitle("Ungültiger Parameter / Invalid parameter").withDetail(detail).with("parameter", parameter).build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder().withType(URI.create(BASE + "forbidden")).withStatus(403)
                .withTitle("Nicht erlaubt / Forbidden").withDetail(detail).build();
    }

    public static HttpProblem preconditionFailed(int currentRevision) {
        return HttpProblem.builder().withType(URI.create(BASE + "stale-revision")).withStatus(412)
                .withTitle("Vorgang inzwischen geändert / Case changed meanwhile")
                .withDetail("Jemand hat den Vorgang inzwischen geändert; laden Sie ihn neu und versuchen Sie es erneut.")
                .withHeader("ETag", "\"" + currentRevision + "\"").with("currentRevision", currentRevision).build();
    }

    public static HttpProblem illegalTransition(org.amtsweg.cases.lifecycle.CaseStatus.IllegalTransition transition) {
        return HttpProblem.builder().withType(URI.create(BASE + "illegal-transition")).withStatus(409)
                .withTitle("Schritt nicht möglich / Illegal transition")
                .withDetail("Ein Vorgang im Status " + transition.from() + " kann nicht nach " + transition.to() + " wechseln.")
                .with("currentStatus", transition.from().name()).with("requestedStatus", transition.to().name()).build();
    }

    /**
     * Someone else works on the case. Named by username (what colleagues know each other by), so the
     * clerk can ask them, or take the case over explicitly, which the history then records.
     */
    public static HttpProblem caseHeldByColleague(String holder) {
        return HttpProblem.builder().withType(URI.create(BASE + "case-held-by-colleague")).withStatus(409)
                .withTitle("Vorgang bei einer Kollegin oder einem Kollegen / Case held by a colleague")
                .withDetail("Den Vorgang bearbeitet " + holder + ". Wer ihn übernehmen will, sendet {\"takeOver\": true, \"reason\": \"…\"};"
                        + " die Übernahme steht dann mit Grund in der Historie.")
                .with("heldBy", holder).build();
    }

    public static HttpProblem noAuthority() {
        return HttpProblem.builder().withType(URI.create(BASE + "no-authority")).withStatus(403)
                .withTitle("Keine Behörde / No authority")
                .withDetail("Die Anmeldung nennt keine Behörde; Vorgänge sehen nur Beschäftigte einer Behörde.").build();
    }

    public static HttpProblem documentsUnavailable() {
        return HttpProblem.builder().withType(URI.create(BASE + "documents-unavailable")).withStatus(503)
                .withTitle("Dokumente gerade nicht abrufbar / Documents unavailable")
                .withDetail("Der Dokumentenspeicher antwortet gerade nicht; bitte versuchen Sie es in einer Minute erneut.")
                .withHeader("Retry-After", "60").build();
    }

    public static HttpProblem documentAltered(java.util.UUID attachmentId) {
        return HttpProblem.builder().withType(URI.create(BASE + "document-altered")).withStatus(502)
                .withTitle("Dokument weicht ab / Document differs")
                .withDetail("Das gespeicherte Dokument " + attachmentId + " stimmt nicht mit dem eingereichten überein (SHA-256); es wird nicht ausgeliefert.")
                .build();
    }
}
