package org.amtsweg.cases.registry;

/** What a register said about the applicant (the event contract's {@code result}, the inbox's filter). */
public enum RegisterResult {
    /** The register holds the applicant as she stated herself. */
    MATCH,
    /** The register holds her, with the fields named in the answer differing. */
    MISMATCH,
    /** The register holds nobody of this name and birth date. */
    NOT_FOUND,
    /** The register did not answer: asked again later, until the attempts are used up. */
    UNAVAILABLE
}
