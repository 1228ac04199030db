package org.amtsweg.cases.work;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.amtsweg.resourceserver.input.InvalidInputException;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * What a clerk's steps accept, checked completely before anything is written: every refusal names its
 * JSON pointer, in German and English, and the step answers 422 with all of them at once. The limits
 * are generous for real use (a notice of ten pages, fifty fields in one information request) and keep
 * a single case from growing without bound.
 */
public final class WorkInput {

    /** A username as the identity gateway issues them. */
    static final int MAX_ASSIGNEE = 100;
    /** Why a case is taken over: a sentence or two, for the history. */
    static final int MAX_REASON = 500;

    static final int MAX_MESSAGE = 5_000;
    static final int MAX_FIELDS = 50;
    static final int MAX_POINTER = 200;
    static final int MAX_DOCUMENTS = 20;
    static final int MAX_DOCUMENT_KIND = 100;
    /** A due date further out than this is a typo (2062 for 2026), not a deadline. */
    static final int MAX_DUE_DAYS = 365;

    static final int MAX_DECISION_TEXT = 20_000;
    static final int MAX_NOTE = 5_000;
    static final Set<String> OUTCOMES = Set.of("APPROVED", "REJECTED", "PARTIALLY_APPROVED");

    /** Deadlines are the authority's dates: a German office's "today". */
    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");
    /** RFC 6901: each segment escapes {@code ~} as {@code ~0} and {@code /} as {@code ~1}; the whole document is not a field. */
    private static final Pattern POINTER = Pattern.compile("(/([^/~]|~[01])*)+");

    private final List<Violation> violations = new ArrayList<>();

    private WorkInput() {}

    static void checkAssignment(String assignee, Boolean takeOver, String reason) {
        WorkInput input = new WorkInput();
        input.maxLength("/assignee", assignee, MAX_ASSIGNEE);
        if (Boolean.TRUE.equals(takeOver) && (reason == null || reason.isBlank())) {
            input.add(
                    "/reason",
                    "required",
                    "Eine Übernahme braucht einen Grund (er steht in der Historie).",
                    "Taking a case over needs a reason (it goes into the history).");
        }
        input.maxLength("/reason", reason, MAX_REASON);
        input.refuseIfAny();
    }

    static void checkInformationRequest(
            String message, List<String> fields, List<String> documents, LocalDate dueDate) {
        WorkInput input = new WorkInput();
        input.text("/message", message, MAX_MESSAGE);
        if (fields == null) {
            input.add(
                    "/fields",
                    "required",
                    "Die Liste der Angaben fehlt (leer: []).",
                    "The list of fields is missing (empty: []).");
        } else {
            input.maxItems("/fields", fields, MAX_FIELDS);
            for (int i = 0; i < fields.size() && i < MAX_FIELDS; i++) {
                String field = fields.get(i);
                if (field == null
                        || field.length() > MAX_POINTER
                        || !POINTER.matcher(field).matches()) {
                    input.add(
                            "/fields/" + i,
                            "pointer",
                            "Ein JSON-Pointer auf eine Angabe des Antrags, z. B. /wohnung/bruttokaltmiete_eur (höchstens "
                                    + MAX_POINTER + " Zeichen).",
                            "A JSON pointer to a field of the application, e.g. /wohnung/bruttokaltmiete_eur (at most "
                                    + MAX_POINTER + " characters).");
                }
            }
        }
        if (documents == null) {
            input.add(
                    "/documents",
                    "required",
                    "Die Liste der Dokumente fehlt (leer: []).",
                    "The list of documents is missing (empty: []).");
        } else {
            input.maxItems("/documents", documents, MAX_DOCUMENTS);
            for (int i = 0; i < documents.size() && i < MAX_DOCUMENTS; i++) {
                input.text("/documents/" + i, documents.get(i), MAX_DOCUMENT_KIND);
            }
        }
        if (fields != null && documents != null && fields.isEmpty() && documents.isEmpty()) {
            input.add(
                    "/fields",
                    "required",
                    "Eine Nachforderung nennt mindestens eine Angabe oder ein Dokument.",
                    "An information request names at least one field or document.");
        }
        if (dueDate != null) {
            LocalDate today = LocalDate.now(AUTHORITY_ZONE);
            if (dueDate.isBefore(today)) {
                input.add(
                        "/dueDate",
                        "date",
                        "Die Frist liegt in der Vergangenheit (heute ist " + today + ").",
                        "The due date is in the past (today is " + today + ").");
            } else if (dueDate.isAfter(today.plusDays(MAX_DUE_DAYS))) {
                input.add(
                        "/dueDate",
                        "date",
                        "Die Frist liegt mehr als ein Jahr in der Zukunft.",
                        "The due date is more than a year ahead.");
            }
        }
        input.refuseIfAny();
    }

    static void checkDecision(String outcome, String reasoning, String noticeText) {
        WorkInput input = new WorkInput();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            input.add(
                    "/outcome",
                    "enum",
                    "Einer der Werte APPROVED, REJECTED, PARTIALLY_APPROVED.",
                    "One of APPROVED, REJECTED, PARTIALLY_APPROVED.");
        }
        input.text("/reasoning", reasoning, MAX_DECISION_TEXT);
        input.text("/noticeText", noticeText, MAX_DECISION_TEXT);
        input.refuseIfAny();
    }

    static void checkNote(String text) {
        WorkInput input = new WorkInput();
        input.text("/text", text, MAX_NOTE);
        input.refuseIfAny();
    }

    /** Field pointers that name nothing in the case's data: refused like any other bad value. */
    static void refuseUnknownFields(List<Integer> unknown) {
        WorkInput input = new WorkInput();
        for (int index : unknown) {
            input.add(
                    "/fields/" + index,
                    "unknown-field",
                    "Der Antrag hat keine solche Angabe (weder ausgefüllt noch als Feld eines ausgefüllten Abschnitts).",
                    "The application has no such field (neither filled in nor a field of a section that was filled in).");
        }
        input.refuseIfAny();
    }

    private void text(String pointer, String value, int max) {
        if (value == null || value.isBlank()) {
            add(pointer, "required", "Der Text fehlt.", "The text is missing.");
        } else {
            maxLength(pointer, value, max);
        }
    }

    private void maxLength(String pointer, String value, int max) {
        if (value != null && value.length() > max) {
            add(
                    pointer,
                    "maxLength",
                    "Höchstens " + max + " Zeichen (hier " + value.length() + ").",
                    "At most " + max + " characters (here " + value.length() + ").");
        }
    }

    private void maxItems(String pointer, List<String> values, int max) {
        if (values.size() > max) {
            add(
                    pointer,
                    "maxItems",
                    "Höchstens " + max + " Einträge (hier " + values.size() + ").",
                    "At most " + max + " entries (here " + values.size() + ").");
        }
    }

    private void add(String pointer, String keyword, String message, String messageEn) {
        violations.add(new Violation(pointer, keyword, message, messageEn));
    }

    private void refuseIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
