package org.amtsweg.application.status;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of an application as its citizen sees it: {@code DRAFT → SUBMITTED}, then the statuses of its case as
 * case-service reports them ({@code RECEIVED, IN_REVIEW, INFORMATION_REQUESTED, DECIDED, HANDED_OVER, CLOSED,
 * WITHDRAWN}), and {@code INFORMATION_REQUESTED → SUPPLEMENTED} when the citizen answers a Nachforderung. The citizen's
 * moves are checked here; the case's are taken as case-service sends them, since case-service owns that lifecycle.
 * The names are the values in the database and in the API.
 */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    RECEIVED,
    IN_REVIEW,
    INFORMATION_REQUESTED,
    SUPPLEMENTED,
    DECIDED,
    HANDED_OVER,
    CLOSED,
    WITHDRAWN;

    /** The citizen's moves; every other change of status comes from the case. */
    private static final Map<ApplicationStatus, ApplicationStatus> CITIZEN_MOVES = Map.of(
            DRAFT, SUBMITTED,
            INFORMATION_REQUESTED, SUPPLEMENTED);

    /** Whether the citizen may move the application from this status to {@code next} (submit, answer a request). */
    public boolean canMoveTo(ApplicationStatus next) {
        return CITIZEN_MOVES.get(this) == next;
    }

    /** Whether the citizen may still change the data: a draft's freely, an information request's asked-for fields only. */
    public boolean dataEditable() {
        return this == DRAFT || this == INFORMATION_REQUESTED;
    }

    /** Whether only the fields the authority asked about may change (the others stay as submitted). */
    public boolean onlyRequestedFieldsEditable() {
        return this == INFORMATION_REQUESTED;
    }

    /**
     * Whether a document may be uploaded: to a draft any kind its form knows; while information is requested only a
     * kind the authority asked for ({@code requested}).
     */
    public boolean acceptsDocument(boolean requested) {
        return this == DRAFT || this == INFORMATION_REQUESTED && requested;
    }

    /** Whether uploaded documents may be removed: from a draft only, a submitted document is the authority's record. */
    public boolean documentsRemovable() {
        return this == DRAFT;
    }

    /** Whether the application has reached its authority: every status but {@code DRAFT}. */
    public boolean isSubmitted() {
        return this != DRAFT;
    }

    /**
     * The status of this name; empty for one this service does not know — a status case-service began to send after
     * this service was built. Such a status is kept and shown as sent; as with any status of a case under way, the
     * application counts as submitted and the citizen may change nothing.
     */
    public static Optional<ApplicationStatus> of(String name) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }
}
