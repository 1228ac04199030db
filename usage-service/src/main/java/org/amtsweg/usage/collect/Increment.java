package org.amtsweg.usage.collect;

/** What one event adds to an authority's month for a service; every figure of the usage report, most of them zero. */
record Increment(
        long draftsStarted,
        long applicationsSubmitted,
        long casesOpened,
        long registryChecks,
        long documentsStored,
        long documentBytesStored,
        long documentsRemoved,
        long documentBytesRemoved) {

    static Increment draftStarted() {
        return new Increment(1, 0, 0, 0, 0, 0, 0, 0);
    }

    static Increment applicationSubmitted() {
        return new Increment(0, 1, 0, 0, 0, 0, 0, 0);
    }

    static Increment caseOpened() {
        return new Increment(0, 0, 1, 0, 0, 0, 0, 0);
    }

    static Increment registryCheck() {
        return new Increment(0, 0, 0, 1, 0, 0, 0, 0);
    }

    static Increment documentStored(long bytes) {
        return new Increment(0, 0, 0, 0, 1, bytes, 0, 0);
    }

    static Increment documentRemoved(long bytes) {
        return new Increment(0, 0, 0, 0, 0, 0, 1, bytes);
    }

    /** Both together: what two events of one row add to it. */
    Increment plus(Increment other) {
        return new Increment(
                draftsStarted + other.draftsStarted,
                applicationsSubmitted + other.applicationsSubmitted,
                casesOpened + other.casesOpened,
                registryChecks + other.registryChecks,
                documentsStored + other.documentsStored,
                documentBytesStored + other.documentBytesStored,
                documentsRemoved + other.documentsRemoved,
                documentBytesRemoved + other.documentBytesRemoved);
    }
}
