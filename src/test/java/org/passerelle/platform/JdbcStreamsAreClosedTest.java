package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

    private static final Pattern QUERY = Pattern.compile("\\.query\\s*\\(");
    private static final Pattern THEN_STREAM = Pattern.compile("\\s*\\.stream\\s*\\(\\s*\\)");

    @Test
    void noQueryResultIsStreamedAndLeftOpen() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !streamedQueries(read(f)).isEmpty())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void recognisesAStreamedQueryWhateverItsArguments() {
        assertThat(streamedQueries("jdbc.sql(SELECT).query(Row.class)\n        .stream().map(x)"))
                .hasSize(1);
        assertThat(streamedQueries("""
                        jdbc.sql("select id, count(*) from t group by id")
                                .query((rs, row) -> new Count(rs.getObject("id", UUID.class), rs.getLong(2)))
                                .stream()
                                .toList();
                        """)).hasSize(1);
        assertThat(streamedQueries("jdbc.sql(S).query((rs, row) -> { return name(rs.getString(\")\")); }).stream()"))
                .hasSize(1);
    }

    @Test
    void letsAQueryReadIntoAListBeStreamed() {
        assertThat(streamedQueries("jdbcTemplate.query(SQL, (rs, row) -> rs.getLong(1)).stream()"))
                .isEmpty();
        assertThat(streamedQueries("jdbc.sql(SELECT).query(Row.class).list().stream()"))
                .isEmpty();
        assertThat(streamedQueries("jdbc.sql(S).query((rs, row) -> rs.getString(1)).list().stream()"))
                .isEmpty();
        assertThat(streamedQueries("jdbc.sql(S).query(rs -> { rows.add(rs.getString(\").stream()\")); })"))
                .isEmpty();
    }

    /**
     * Where a JdbcClient {@code .query(…)} call (one argument: a class or a row mapper, whatever its
     * body) is directly followed by {@code .stream()}. JdbcTemplate's {@code query(sql, mapper, …)}
     * returns a list, which may be streamed.
     */
    static List<Integer> streamedQueries(String source) {
        List<Integer> found = new ArrayList<>();
        Matcher query = QUERY.matcher(source);
        while (query.find()) {
            Arguments arguments = arguments(source, query.end());
            if (arguments.end() > 0
                    && arguments.count() == 1
                    && THEN_STREAM
                            .matcher(source)
                            .region(arguments.end() + 1, source.length())
                            .lookingAt()) {
                found.add(query.start());
            }
        }
        return found;
    }

    /** The arguments of a call: how many, and the index of the closing parenthesis (-1 if none). */
    private record Arguments(int count, int end) {}

    private static Arguments arguments(String source, int from) {
        int depth = 1;
        int commas = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ',' && depth == 1) {
                commas++;
            } else if ((c == ')' || c == '}' || c == ']') && --depth == 0) {
                return new Arguments(commas + 1, i);
            }
        }
        return new Arguments(0, -1);
    }

    /** The index of the last character of the string, text block or character literal starting at {@code start}. */
    private static int endOfLiteral(String source, int start) {
        String quote = source.startsWith("\"\"\"", start) ? "\"\"\"" : String.valueOf(source.charAt(start));
        int i = start + quote.length();
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + quote.length() - 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
