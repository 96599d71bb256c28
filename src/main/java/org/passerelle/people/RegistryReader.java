package org.passerelle.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the whole registry as the matching engine sees it — every live person's names, sex, birth
 * date and country — a batch at a time in id order, for the duplicate scan. Each batch's keys are
 * fetched at once and not cached, and names are opened on all cores.
 */
@Component
class RegistryReader {

    /** A live person and what the engine compares of them. */
    record Entry(UUID id, PersonRecord person) {}

    /** A batch of persons whose keys exist, and the last id read (to read the next batch from). */
    record Batch(List<Entry> entries, UUID last) {}

    private record Sealed(
            UUID id,
            byte[] chosenName,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable String country) {}

    private static final String LIVE_ONLY = "p.deleted_at is null and p.merged_into is null";

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    RegistryReader(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Hands every live person to {@code batches}, {@code batchSize} at a time. */
    void forEach(int batchSize, Consumer<List<Entry>> batches) {
        @Nullable UUID after = null;
        while (true) {
            List<Sealed> rows = persons(after, batchSize, LIVE_ONLY);
            if (rows.isEmpty()) {
                return;
            }
            after = rows.getLast().id();
            batches.accept(open(rows));
        }
    }

    /**
     * The next {@code limit} persons after {@code after} (live, merged or deleted alike), locked
     * against changes until the caller's transaction ends: for indexing everyone again.
     */
    @Nullable
    Batch lockedBatch(@Nullable UUID after, int limit) {
        List<Sealed> rows = persons(after, limit, "true");
        return rows.isEmpty() ? null : new Batch(open(rows), rows.getLast().id());
    }

    private List<Sealed> persons(@Nullable UUID after, int limit, String condition) {
        String sql = """
                select p.id, p.chosen_name, p.sex, p.birth_date, p.birth_date_precision, p.estimated_age,
                       p.age_estimated_on, p.country_of_origin
                  from people.person p
                 where %s %s
                 order by p.id
                 limit ? %s
                """.formatted(
                        condition, after == null ? "" : "and p.id > ?", condition.equals(LIVE_ONLY) ? "" : "for share");
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (after != null) {
            statement = statement.param(after);
        }
        return statement
                .param(limit)
                .query((rs, row) -> new Sealed(
                        rs.getObject("id", UUID.class),
                        rs.getBytes("chosen_name"),
                        Sex.valueOf(rs.getString("sex")),
                        PersonRepository.birthDate(rs),
                        rs.getString("country_of_origin")))
                .list();
    }

    /** The other names of the persons of a batch (ids from first to last), still sealed. */
    private Map<UUID, List<byte[]>> otherNames(UUID first, UUID last) {
        Map<UUID, List<byte[]>> names = new HashMap<>();
        jdbc.sql("""
                        select person_id, name from people.person_name
                         where person_id between ? and ? order by person_id, position
                        """).params(first, last).query(rs -> {
            names.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>(2))
                    .add(rs.getBytes(2));
        });
        return names;
    }

    private List<Entry> open(List<Sealed> rows) {
        Map<UUID, DataKey> batchKeys = keys.keysOf(rows.stream().map(Sealed::id).toList());
        Map<UUID, List<byte[]>> sealedNames =
                otherNames(rows.getFirst().id(), rows.getLast().id());
        return IntStream.range(0, rows.size())
                .parallel()
                .mapToObj(i -> {
                    Sealed row = rows.get(i);
                    DataKey key = batchKeys.get(row.id());
                    if (key == null) {
                        return null;
                    }
                    List<String> names = new ArrayList<>(3);
                    names.add(key.open(PersonRepository.CHOSEN_NAME, row.chosenName()));
                    for (byte[] name : sealedNames.getOrDefault(row.id(), List.of())) {
                        names.add(key.open(PersonRepository.OTHER_NAME, name));
                    }
                    return new Entry(
                            row.id(),
                            new PersonRecord(row.id().toString(), names, row.sex(), row.birthDate(), row.country()));
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
