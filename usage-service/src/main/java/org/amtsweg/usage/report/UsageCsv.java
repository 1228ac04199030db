package org.amtsweg.usage.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as CSV (RFC 4180, a header row) for a spreadsheet: one row per authority and service
 * ({@code scope=service}), one per authority with its totals, staff accounts and allocated cents
 * ({@code scope=authority}), and one with the totals of all rows shown ({@code scope=total}).
 */
final class UsageCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader();

    @JsonPropertyOrder({
        "month",
        "scope",
        "authorityId",
        "serviceKey",
        "draftsStarted",
        "applicationsSubmitted",
        "casesOpened",
        "registryChecks",
        "documentsStored",
        "documentBytesStored",
        "documentsRemoved",
        "documentBytesRemoved",
        "activeStaffAccounts",
        "allocatedCents"
    })
    record Row(
            String month,
            String scope,
            String authorityId,
            String serviceKey,
            long draftsStarted,
            long applicationsSubmitted,
            long casesOpened,
            long registryChecks,
            long documentsStored,
            long documentBytesStored,
            long documentsRemoved,
            long documentBytesRemoved,
            Long activeStaffAccounts,
            Long allocatedCents) {

        static Row of(String month, String scope, String authority, String service, Figures f, Long staff, Long cents) {
            return new Row(
                    month,
                    scope,
                    authority,
                    service,
                    f.draftsStarted(),
                    f.applicationsSubmitted(),
                    f.casesOpened(),
                    f.registryChecks(),
                    f.documentsStored(),
                    f.documentBytesStored(),
                    f.documentsRemoved(),
                    f.documentBytesRemoved(),
                    staff,
                    cents);
        }
    }

    private UsageCsv() {}

    static String write(UsageReport report) {
        List<Row> rows = new ArrayList<>();
        for (UsageReport.AuthorityUsage authority : report.authorities()) {
            for (UsageReport.ServiceUsage service : authority.services()) {
                rows.add(Row.of(
                        report.month(),
                        "service",
                        authority.authorityId(),
                        service.serviceKey(),
                        service.figures(),
                        null,
                        null));
            }
            rows.add(Row.of(
                    report.month(),
                    "authority",
                    authority.authorityId(),
                    null,
                    authority.totals(),
                    authority.activeStaffAccounts(),
                    authority.allocatedCents()));
        }
        rows.add(Row.of(
                report.month(),
                "total",
                null,
                null,
                report.totals().figures(),
                report.totals().activeStaffAccounts(),
                report.totals().allocatedCents()));
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the usage report cannot be written as CSV", e);
        }
    }
}
