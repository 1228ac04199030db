package org.amtsweg.cases;

import org.amtsweg.resourceserver.problem.ProblemType;

/**
 * The case service's own problem types (its domain: case work, the clerk's authority, the documents of a
 * case), listed beside the platform's in {@code META-INF/amtsweg-problem-types}. {@link Problems} builds them.
 */
public enum CaseProblem implements ProblemType {
    @Definition(status = 403, german = "Keine Behörde", english = "No authority")
    NO_AUTHORITY,
    @Definition(status = 409, german = "Schritt nicht möglich", english = "Illegal transition")
    ILLEGAL_TRANSITION,
    @Definition(
            status = 409,
            german = "Vorgang bei einer Kollegin oder einem Kollegen",
            english = "Case held by a colleague")
    CASE_HELD_BY_COLLEAGUE,
    @Definition(status = 412, german = "Vorgang inzwischen geändert", english = "Case changed meanwhile")
    STALE_REVISION,
    /** A security event token (RFC 8417) that is malformed, names another audience, is stale or a replay (RFC 8935 {@code err} member). */
    @Definition(status = 400, german = "Ereignis ungültig", english = "Invalid security event")
    INVALID_SECURITY_EVENT,
    /** A security event token whose signature or issuer the procedure's registered key does not vouch for. */
    @Definition(status = 403, german = "Ereignis nicht bestätigt", english = "Security event not verified")
    UNVERIFIED_SECURITY_EVENT,
    @Definition(status = 502, german = "Dokument weicht ab", english = "Document differs")
    DOCUMENT_ALTERED,
    @Definition(status = 503, german = "Dokumente gerade nicht abrufbar", english = "Documents unavailable")
    DOCUMENTS_UNAVAILABLE
}
