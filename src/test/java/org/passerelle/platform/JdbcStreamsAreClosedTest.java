package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JdbcClient query's {@code stream()} holds its connection until the stream is closed; outside a
 * transaction, one left open takes a connection from the pool for good, and a few such reports
 * later the application stops answering. Query results are read with {@code list()}, {@code
 * single()} or {@code optional()} instead.
 */
class JdbcStreamsAreClosedTest {

    private static final Pattern STREAMED_QUERY = Pattern.compile("\\.query\\([^;{}()]*\\)\\s*\\.stream\\(\\)");

    @Test
    void noQueryResultIsStreamedAndLeftOpen() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> STREAMED_QUERY.matcher(read(f)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void recognisesAStreamedQuery() {
        assertThat(STREAMED_QUERY
                        .matcher("jdbc.sql(SELECT).query(Row.class)\n        .stream().map(x)")
                        .find())
                .isTrue();
        assertThat(STREAMED_QUERY
                        .matcher("jdbc.sql(SELECT).query(Row.class).list().stream()")
                        .find())
                .isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
