package org.amtsweg.cases;

import java.util.UUID;
import org.amtsweg.cases.lifecycle.CaseStatus;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;

/**
 * The case service's refusals, each of a registered type ({@link CaseProblem}, or the platform's) with
 * the detail of its occurrence.
 */
public final class Problems {

    private Problems() {}

    public static Problem notFound(String detail) {
        return PlatformProblem.NOT_FOUND.problem(detail);
    }

    public static Problem invalidParameter(String parameter, String detail) {
        return PlatformProblem.invalidParameter(parameter, detail);
    }

    public static Problem forbidden(String detail) {
        return PlatformProblem.FORBIDDEN.problem(detail);
    }

    public static Problem preconditionFailed(int currentRevision) {
        return CaseProblem.STALE_REVISION
                .problem("Jemand hat den Vorgang inzwischen geändert; laden Sie ihn neu und versuchen Sie es erneut.")
                .header("ETag", "\"" + currentRevision + "\"")
                .with("currentRevision", currentRevision);
    }

    public static Problem illegalTransition(CaseStatus.IllegalTransition transition) {
        return CaseProblem.ILLEGAL_TRANSITION
                .problem("Ein Vorgang im Status " + transition.from() + " kann nicht nach " + transition.to()
                        + " wechseln.")
                .with("currentStatus", transition.from().name())
                .with("requestedStatus", transition.to().name());
    }

    /**
     * Someone else works on the case. Named by username (what colleagues know each other by), so the
     * clerk can ask them, or take the case over explicitly, which the history then records.
     */
    public static Problem caseHeldByColleague(String holder) {
        return CaseProblem.CASE_HELD_BY_COLLEAGUE
                .problem(
                        "Den Vorgang bearbeitet " + holder
                                + ". Wer ihn übernehmen will, sendet {\"takeOver\": true, \"reason\": \"…\"}; die Übernahme steht dann mit Grund in der Historie.")
                .with("heldBy", holder);
    }

    public static Problem noAuthority() {
        return CaseProblem.NO_AUTHORITY.problem(
                "Die Anmeldung nennt keine Behörde; Vorgänge sehen nur Beschäftigte einer Behörde.");
    }

    public static Problem documentsUnavailable() {
        return CaseProblem.DOCUMENTS_UNAVAILABLE
                .problem(
                        "Der Dokumentenspeicher antwortet gerade nicht; bitte versuchen Sie es in einer Minute erneut.")
                .header("Retry-After", "60");
    }

    public static Problem documentAltered(UUID attachmentId) {
        return CaseProblem.DOCUMENT_ALTERED.problem("Das gespeicherte Dokument " + attachmentId
                + " stimmt nicht mit dem eingereichten überein (SHA-256); es wird nicht ausgeliefert.");
    }

    /** {@code err}: the RFC 8935 error code (invalid_request, invalid_audience, …), for the procedure's software. */
    public static Problem invalidSecurityEvent(String err, String detail) {
        return CaseProblem.INVALID_SECURITY_EVENT.problem(detail).with("err", err);
    }

    public static Problem unverifiedSecurityEvent(String err, String detail) {
        return CaseProblem.UNVERIFIED_SECURITY_EVENT.problem(detail).with("err", err);
    }
}
