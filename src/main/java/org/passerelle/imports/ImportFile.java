package org.passerelle.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A file of a bulk import read into tables of text: a CSV file (UTF-8, or Windows-1252 as older
 * spreadsheets save it; comma, semicolon or tab separated) is one table, an XLSX workbook one table
 * per sheet. The first row of a table holds the headers. Anything else is refused with {@code
 * import-file-type}, a file without a header or a row with {@code import-file-empty}.
 */
final class ImportFile {

    /** The rows a table may hold, so that one upload cannot hold the server's memory. */
    static final int MOST_ROWS = 200_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The cells of one sheet: its headers and its rows, each as long as the headers. */
    record Table(String name, List<String> headers, List<List<String>> rows) {}

    private ImportFile() {}

    static List<Table> read(byte[] content) {
        List<Table> tables = startsWith(content, ZIP) ? workbook(content) : List.of(csv(text(content)));
        if (tables.isEmpty() || tables.getFirst().rows().isEmpty()) {
            throw ImportProblems.fileEmpty();
        }
        return tables;
    }

    private static String text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw ImportProblems.fileType();
            }
        }
        try {
            return decode(content, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            try {
                return decode(content, Charset.forName("windows-1252"));
            } catch (CharacterCodingException notText) {
                throw ImportProblems.fileType();
            }
        }
    }

    private static String decode(byte[] content, Charset charset) throws CharacterCodingException {
        String text = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Table csv(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiterOf(firstLine);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<List<String>> cells = new ArrayList<>();
            for (CSVRecord record : parser) {
                cells.add(record.toList());
                if (cells.size() > MOST_ROWS + 1) {
                    throw ImportProblems.tooManyRows(MOST_ROWS);
                }
            }
            return table("csv", cells);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ImportProblems.fileType();
        }
    }

    /** The separator the header line uses most: semicolon (French spreadsheets), tab or comma. */
    private static char delimiterOf(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    private static List<Table> workbook(byte[] content) {
        List<Table> tables = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<String>> cells = new ArrayList<>();
                try (var rows = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < row.getCellCount(); i++) {
                            values.add(row.getCellText(i).strip());
                        }
                        if (values.stream().anyMatch(value -> !value.isEmpty())) {
                            cells.add(values);
                        }
                        if (cells.size() > MOST_ROWS + 1) {
                            throw ImportProblems.tooManyRows(MOST_ROWS);
                        }
                    }
                }
                if (!cells.isEmpty()) {
                    tables.add(table(sheet.getName(), cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw ImportProblems.fileType();
        }
        return tables;
    }

    /** The first row as headers, the others made as long as the headers (missing cells empty). */
    private static Table table(String name, List<List<String>> cells) {
        if (cells.isEmpty()) {
            return new Table(name, List.of(), List.of());
        }
        List<String> headers = cells.getFirst().stream().map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>(cells.size() - 1);
        for (List<String> row : cells.subList(1, cells.size())) {
            List<String> padded = new ArrayList<>(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                padded.add(i < row.size() ? row.get(i) : "");
            }
            rows.add(padded);
        }
        return new Table(name, headers, rows);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
