package org.amtsweg.usage.report;

/**
 * The counted figures of a service (or their sum over services) in a month.
 *
 * @param registryChecks      register checks run (Registerabfragen), whatever their result
 * @param documentsStored     documents uploaded and stored, with their bytes
 * @param documentsRemoved    documents a citizen removed from her draft again, with their bytes
 */
public record Figures(
        long draftsStarted,
        long applicationsSubmitted,
        long casesOpened,
        long registryChecks,
        long documentsStored,
        long documentBytesStored,
        long documentsRemoved,
        long documentBytesRemoved) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

    public Figures plus(Figures other) {
        return new Figures(
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
