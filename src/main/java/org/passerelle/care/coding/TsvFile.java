package org.passerelle.care.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A catalogue file: UTF-8, one record a line, tab-separated, with a header line naming the columns
 * and {@code #} comment lines. Every failure names the file and line, so that a bad edit stops the
 * application at startup with a message saying where.
 */
final class TsvFile {

    /** One record, with where it came from for error messages. */
    record Row(String source, int line, List<String> cells) {

        String cell(int index) {
            return cells.get(index).strip();
        }

        /** The comma-separated words of a cell, or none. */
        List<String> list(int index) {
            String cell = cell(index);
            return cell.isEmpty()
                    ? List.of()
                    : Arrays.stream(cell.split(","))
                            .map(String::strip)
                            .filter(word -> !word.isEmpty())
                            .toList();
        }

        CatalogueException invalid(String problem) {
            return new CatalogueException(source + " line " + line + ": " + problem);
        }
    }

    private TsvFile() {}

    /** The records of a resource on the class path, checked to have the header's columns. */
    static List<Row> read(String resource, List<String> header) {
        try (InputStream in = TsvFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogueException(resource + " is missing from the class path");
            }
            return read(resource, in, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> read(String source, InputStream in, List<String> header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            if (!headerSeen) {
                if (!cells.equals(header)) {
                    throw new CatalogueException(
                            source + " line " + number + ": the header must be " + String.join(" | ", header));
                }
                headerSeen = true;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new CatalogueException(
                        source + " line " + number + ": " + cells.size() + " columns instead of " + header.size());
            }
            rows.add(new Row(source, number, cells));
        }
        if (rows.isEmpty()) {
            throw new CatalogueException(source + " holds no records");
        }
        return rows;
    }
}
