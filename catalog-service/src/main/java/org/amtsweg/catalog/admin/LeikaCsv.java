package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amtsweg.resourceserver.input.PlainText;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * LeiKa entries as CSV (one row per entry, with a header), read and written by Jackson's CSV module.
 * Reading checks the document as a whole before any row counts: the bytes in the declared charset
 * (UTF-8 unless said otherwise), the header against the known columns, every row against the header's
 * width, every cell against the platform's text rule ({@link PlainText}). Each refusal names the line,
 * and the row and column by pointer ({@code /0/name}: the first entry's name).
 */
public final class LeikaCsv {

    /** The columns, in the order the export writes them; a document names its own in its first line, in any order. */
    public static final List<String> COLUMNS =
            List.of("leikaId", "serviceKey", "name", "lastChange", "type", "legalBasis", "sdg1", "sdg2", "status");
    /** Without these an entry means nothing; the others may be left out. */
    static final List<String> REQUIRED = List.of("leikaId", "serviceKey", "name");
    /** How much of a refused header cell the answer repeats. */
    private static final int MAX_ECHO = 80;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema WRITE = CSV.schemaFor(Row.class).withHeader();
    /** Rows as plain lists of cells: which cell is which is decided here, against the header, not by binding. */
    private static final ObjectReader READ = CSV.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private LeikaCsv() {}

    /** One CSV row: a LeiKa entry and the service it belongs to. */
    @JsonPropertyOrder({"leikaId", "serviceKey", "name", "lastChange", "type", "legalBasis", "sdg1", "sdg2", "status"})
    public record Row(
            String leikaId,
            String serviceKey,
            String name,
            String lastChange,
            String type,
            String legalBasis,
            String sdg1,
            String sdg2,
            String status) {

        ServiceInput.LeikaInput entry() {
            return new ServiceInput.LeikaInput(leikaId, name, lastChange, type, legalBasis, sdg1, sdg2, status);
        }
    }

    /**
     * A document as read: its rows and the line each begins on, or why it cannot be used.
     *
     * @param unknownColumns header cells that name no column (empty when the header is fine)
     */
    public record Document(
            List<Row> rows, List<Integer> lines, List<Violation> violations, List<String> unknownColumns) {

        static Document refused(List<Violation> violations, List<String> unknownColumns) {
            return new Document(List.of(), List.of(), violations, unknownColumns);
        }
    }

    public static String write(List<Row> rows) throws IOException {
        return CSV.writer(WRITE).writeValueAsString(rows);
    }

    /** Reads a document sent in {@code charset}. */
    public static Document read(byte[] body, Charset charset) {
        List<Violation> undecodable = new ArrayList<>();
        String text = decode(body, charset, undecodable);
        if (text == null) {
            return Document.refused(undecodable, List.of());
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1); // spreadsheet programs put it before "UTF-8" CSV
        }
        return read(text);
    }

    static Document read(String csv) {
        List<String[]> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> records = READ.readValues(csv)) {
            while (records.hasNextValue()) {
                line = records.getCurrentLocation().getLineNr();
                cells.add(records.nextValue());
                lines.add(line);
            }
        } catch (IOException | RuntimeException unreadable) {
            // The parser's own words name its internals; where it stopped is what helps.
            return Document.refused(
                    List.of(new Violation(
                            "",
                            "syntax",
                            "Das CSV ist ab Zeile " + line
                                    + " nicht lesbar (etwa ein Anführungszeichen ohne Gegenstück).",
                            "The CSV cannot be read from line " + line
                                    + " on (e.g. a quotation mark without its counterpart).")),
                    List.of());
        }
        if (cells.isEmpty()) {
            return Document.refused(
                    List.of(new Violation(
                            "",
                            "required",
                            "Das CSV ist leer; die erste Zeile nennt die Spalten, z. B. " + String.join(",", REQUIRED)
                                    + ".",
                            "The CSV is empty; its first line names the columns, e.g. " + String.join(",", REQUIRED)
                                    + ".")),
                    List.of());
        }
        String[] header = cells.get(0);
        List<String> unknown = new ArrayList<>();
        List<Violation> violations = header(header, unknown);
        if (!violations.isEmpty()) {
            return Document.refused(violations, unknown);
        }
        if (cells.size() == 1) {
            return Document.refused(
                    List.of(new Violation(
                            "",
                            "minItems",
                            "Das CSV enthält nur die Kopfzeile, keine Einträge.",
                            "The CSV holds only its header, no entries.")),
                    List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            String[] record = cells.get(i);
            int index = i - 1;
            if (record.length != header.length) {
                violations.add(new Violation(
                        "/" + index,
                        "columns",
                        "Zeile " + lines.get(i) + " hat " + record.length + " Werte, die Kopfzeile " + header.length
                                + " Spalten.",
                        "Line " + lines.get(i) + " has " + record.length + " values, the header " + header.length
                                + " columns."));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int column = 0; column < header.length; column++) {
                int forbidden = PlainText.firstForbidden(record[column]);
                if (forbidden >= 0) {
                    violations.add(new Violation(
                            "/" + index + "/" + header[column],
                            "text",
                            "Zeile " + lines.get(i) + ", Spalte " + header[column] + ": nicht erlaubtes Zeichen "
                                    + codePoint(record[column], forbidden) + ".",
                            "Line " + lines.get(i) + ", column " + header[column]
                                    + ": a character that is not allowed, " + codePoint(record[column], forbidden)
                                    + "."));
                }
                values.put(header[column], record[column].isEmpty() ? null : record[column]);
            }
            rows.add(new Row(
                    values.get("leikaId"),
                    values.get("serviceKey"),
                    values.get("name"),
                    values.get("lastChange"),
                    values.get("type"),
                    values.get("legalBasis"),
                    values.get("sdg1"),
                    values.get("sdg2"),
                    values.get("status")));
        }
        if (!violations.isEmpty()) {
            return Document.refused(violations, List.of());
        }
        return new Document(rows, lines.subList(1, lines.size()), List.of(), List.of());
    }

    /** The header's violations: unknown, repeated and missing columns; {@code unknown} collects the unknown names. */
    private static List<Violation> header(String[] header, List<String> unknown) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int column = 0; column < header.length; column++) {
            String name = header[column];
            int forbidden = PlainText.firstForbidden(name);
            if (forbidden >= 0) {
                violations.add(new Violation(
                        "/header/" + column,
                        "text",
                        "Spalte " + (column + 1) + " der Kopfzeile: nicht erlaubtes Zeichen "
                                + codePoint(name, forbidden) + ".",
                        "Column " + (column + 1) + " of the header: a character that is not allowed, "
                                + codePoint(name, forbidden) + "."));
            } else if (!COLUMNS.contains(name)) {
                String shown = name.length() > MAX_ECHO ? name.substring(0, MAX_ECHO) + "…" : name;
                unknown.add(shown);
                violations.add(new Violation(
                        "/header/" + column,
                        "enum",
                        "Unbekannte Spalte \"" + shown + "\"; bekannt sind " + String.join(", ", COLUMNS) + ".",
                        "Unknown column \"" + shown + "\"; known are " + String.join(", ", COLUMNS) + "."));
            } else if (!seen.add(name)) {
                violations.add(new Violation(
                        "/header/" + column,
                        "uniqueItems",
                        "Die Spalte " + name + " kommt zweimal vor.",
                        "The column " + name + " occurs twice."));
            }
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                violations.add(new Violation(
                        "/header",
                        "required",
                        "Die Spalte " + required + " fehlt; nötig sind " + String.join(", ", REQUIRED) + ".",
                        "The column " + required + " is missing; needed are " + String.join(", ", REQUIRED) + "."));
            }
        }
        return violations;
    }

    /**
     * The bytes as text, or null with the violation when the charset cannot decode them: a wrong charset
     * is refused, not silently turned into U+FFFD.
     */
    private static String decode(byte[] body, Charset charset, List<Violation> violations) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        violations.add(new Violation(
                "",
                "encoding",
                "Das CSV ist kein gültiges " + charset.name() + " (Zeile " + line + ", Byte " + (at + 1)
                        + "); senden Sie es in UTF-8 oder nennen Sie den Zeichensatz im Content-Type.",
                "The CSV is no valid " + charset.name() + " (line " + line + ", byte " + (at + 1)
                        + "); send it in UTF-8 or name its charset in the Content-Type."));
        return null;
    }

    private static String codePoint(String text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
