package org.amtsweg.cases.handover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.List;

/**
 * The handover of a case to the authority's specialist procedure (Fachverfahren): everything the
 * case holds, structured, so that nobody retypes it. As XML it follows {@code /schemas/case-export-1.xsd};
 * there the form data comes as one {@code field} per value, named by its JSON pointer.
 */
@JacksonXmlRootElement(localName = "caseExport", namespace = CaseExport.NAMESPACE)
public record CaseExport(
        @JacksonXmlProperty(isAttribute = true) String version,
        /** How many characters XML 1.0 cannot carry were replaced by U+FFFD (XML only; absent when none). */
        @JsonInclude(JsonInclude.Include.NON_NULL) @JacksonXmlProperty(isAttribute = true)
        Integer replacedCharacters,

        String caseId,
        String applicationId,
        String referenceNumber,
        String authorityId,
        String serviceKey,
        String serviceName,
        int formVersion,
        String status,
        String submittedAt,
        Applicant applicant,
        /** The form data as submitted (JSON only; XML carries it as {@code fields}). */
        JsonNode data,

        @JacksonXmlElementWrapper(localName = "fields") @JacksonXmlProperty(localName = "field")
        List<Field> fields,

        @JacksonXmlElementWrapper(localName = "attachments") @JacksonXmlProperty(localName = "attachment")
        List<Attachment> attachments,

        @JacksonXmlElementWrapper(localName = "registryChecks") @JacksonXmlProperty(localName = "registryCheck")
        List<RegistryCheck> registryChecks,

        @JacksonXmlElementWrapper(localName = "history") @JacksonXmlProperty(localName = "entry")
        List<HistoryEntry> history,

        Decision decision) {

    public static final String NAMESPACE = "https://amtsweg.org/schemas/case-export/1";

    /** The same export without the JSON data tree, for XML. */
    public CaseExport withoutData() {
        return new CaseExport(
                version,
                replacedCharacters,
                caseId,
                applicationId,
                referenceNumber,
                authorityId,
                serviceKey,
                serviceName,
                formVersion,
                status,
                submittedAt,
                applicant,
                null,
                fields,
                attachments,
                registryChecks,
                history,
                decision);
    }

    CaseExport withReplacedCharacters(int count) {
        return new CaseExport(
                version,
                count,
                caseId,
                applicationId,
                referenceNumber,
                authorityId,
                serviceKey,
                serviceName,
                formVersion,
                status,
                submittedAt,
                applicant,
                data,
                fields,
                attachments,
                registryChecks,
                history,
                decision);
    }

    public record Applicant(
            String subject,
            String givenName,
            String familyName,
            String birthdate,
            String streetAddress,
            String postalCode,
            String locality,
            String municipality,
            String trustLevel) {}

    /** One value of the form data, named by its JSON pointer. */
    public record Field(
            @JacksonXmlProperty(isAttribute = true) String pointer,
            @JacksonXmlText String value) {}

    /** @param href where the procedure fetches the content */
    public record Attachment(
            String id, String kind, String fileName, String mediaType, long size, String sha256, String href) {}

    public record RegistryCheck(
            String register,
            String legalBasis,
            String purpose,
            String result,
            String differingFields,
            String requestedAt,
            String completedAt) {}

    public record HistoryEntry(
            String at, String actor, String action, String fromStatus, String toStatus, String detail) {}

    /** @param notice where the notice document (PDF) is fetched */
    public record Decision(
            String outcome, String reasoning, String noticeText, String decidedBy, String issuedAt, String notice) {}
}
