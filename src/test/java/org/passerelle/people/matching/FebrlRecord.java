package org.passerelle.people.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One FEBRL record; {@code entity} is the N of its {@code rec-N-org} or {@code rec-N-dup-K} id,
 * shared by the records of one person.
 */
record FebrlRecord(
        String id,
        int entity,
        String givenName,
        String surname,
        String streetNumber,
        String address1,
        String address2,
        String suburb,
        String postcode,
        String state,
        String dateOfBirth,
        String socSecId) {

    /** The FEBRL data, kept in the project with its source and licence (see its README). */
    static Path dataDirectory() {
        Path fromProperty = Path.of(System.getProperty("passerelle.febrl", "src/test/resources/febrl"));
        return fromProperty.toAbsolutePath().normalize();
    }

    static List<FebrlRecord> read(String file) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory().resolve(file), StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(FebrlRecord::parse)
                .toList();
    }

    static FebrlRecord parse(String line) {
        String[] cells = line.split(", ", -1);
        if (cells.length != 11) {
            throw new IllegalArgumentException("expected 11 columns: " + line);
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        int entity = Integer.parseInt(cells[0].split("-")[1]);
        return new FebrlRecord(
                cells[0], entity, cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8],
                cells[9], cells[10]);
    }
}
