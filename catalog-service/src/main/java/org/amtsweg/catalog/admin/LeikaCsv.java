package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.List;

/** LeiKa entries as CSV (one row per entry, with a header), read and written by Jackson's CSV module. */
public final class LeikaCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema WRITE = CSV.schemaFor(Row.class).withHeader();
    /** Columns as the header names them: optional ones may be left out, in any order. */
    private static final CsvSchema READ = CsvSchema.emptySchema().withHeader();

    private LeikaCsv() {
    }

    /** One CSV row: a LeiKa entry and the service it belongs to. */
    @JsonPropertyOrder({"leikaId", "serviceKey", "name", "lastChange", "type", "legalBasis", "sdg1", "sdg2", "status"})
    public record Row(String leikaId, String serviceKey, String name, String lastChange, String type, String legalBasis,
                      String sdg1, String sdg2, String status) {

        ServiceInput.LeikaInput entry() {
            return new ServiceInput.LeikaInput(leikaId, name, lastChange, type, legalBasis, sdg1, sdg2, status);
        }
    }

    public static String write(List<Row> rows) throws IOException {
        return CSV.writer(WRITE).writeValueAsString(rows);
    }

    /** The rows of a CSV document; a malformed document is an {@link IOException} naming the line. */
    public static List<Row> read(String csv) throws IOException {
        try (MappingIterator<Row> rows = CSV.readerFor(Row.class).with(READ).readValues(csv)) {
            return rows.readAll();
        }
    }
}
