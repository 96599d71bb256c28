package org.passerelle.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

    private static final String COLUMNS = """
            p.id, p.patient_code, p.chosen_name, p.sex, p.birth_date, p.birth_date_precision, p.estimated_age,
            p.age_estimated_on, p.languages, p.country_of_origin, p.phone, p.flags, p.registered_site_id,
            p.version, p.created_at, p.updated_at
            """;

    /** A person row before its other names are attached. */
    record Row(
            UUID id,
            String patientCode,
            String chosenName,
            Sex sex,
            @Nullable BirthDate birthDate,
            Set<String> languages,
            @Nullable String countryOfOrigin,
            @Nullable String phone,
            Set<Flag> flags,
            UUID registeredSiteId,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** A person row as stored: names and phone still sealed. */
    private record SealedRow(
            UUID id,
            String patientCode,
            byte[] chosenName,
            Sex sex,
            @Nullable BirthDate birthDate,
            Set<String> languages,
            @Nullable String countryOfOrigin,
            byte @Nullable [] phone,
            Set<Flag> flags,
            UUID registeredSiteId,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** A person that is neither tombstoned nor merged into another. */
    private static final String LIVE = "p.deleted_at is null and p.merged_into is null";

    static final String CHOSEN_NAME = "chosen-name";
    static final String PHONE = "phone";
    static final String OTHER_NAME = "other-name";
    /**
     * Persons whose names start with the words typed, read and scored at most: a common name alone
     * ("Mohamed") matches tens of thousands in a large registry, and the user is asked for more
     * (another name, sex, birth year or age) rather than shown an arbitrary few hundred.
     */
    static final int CANDIDATES = 100;

    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final NameIndex nameIndex;
    private final MatchIndex matchIndex;

    PersonRepository(JdbcClient jdbc, SubjectKeys keys, NameIndex nameIndex, MatchIndex matchIndex) {
        this.matchIndex = matchIndex;
        this.jdbc = jdbc;
        this.keys = keys;
        this.nameIndex = nameIndex;
    }

    void insert(
            UUID id,
            String patientCode,
            PersonDetails details,
            @Nullable BirthDate birthDate,
            UUID siteId,
            UUID userId) {
        DataKey key = keys.newKeyFor(id);
        jdbc.sql("""
                insert into people.person (id, patient_code, chosen_name, sex, birth_date, birth_date_precision,
                    estimated_age, age_estimated_on, languages, country_of_origin, phone, flags, registered_site_id,
                    created_by, updated_by)
                values (:id, :code, :name, :sex, :birthDate, :precision, :estimatedAge, :estimatedOn, :languages,
                    :country, :phone, :flags, :site, :user, :user)
                """)
                .params(detailParameters(key, details, birthDate))
                .param("id", id)
                .param("code", patientCode)
                .param("site", siteId)
                .param("user", userId)
                .update();
        insertNames(id, key, details.otherNames(), siteId);
        // a new person has no entry yet: the names just sealed are indexed as they are, without
        // reading them back
        List<String> names = new ArrayList<>();
        names.add(details.chosenName().strip());
        details.otherNames().forEach(name -> names.add(name.name().strip()));
        insertEntries(id, names, details.sex(), birthDate, details.countryOfOrigin());
    }

    /** Updates when the stored version is still {@code expectedVersion}; false when someone else changed it. */
    boolean update(
            UUID id,
            long expectedVersion,
            PersonDetails details,
            @Nullable BirthDate birthDate,
            UUID siteId,
            UUID userId) {
        int updated = jdbc.sql("""
                update people.person set chosen_name = :name, sex = :sex, birth_date = :birthDate,
                    birth_date_precision = :precision, estimated_age = :estimatedAge, age_estimated_on = :estimatedOn,
                    languages = :languages, country_of_origin = :country, phone = :phone, flags = :flags,
                    updated_by = :user, updated_at = now(), version = version + 1
                 where id = :id and version = :version and deleted_at is null and merged_into is null
                """)
                .params(detailParameters(key(id), details, birthDate))
                .param("id", id)
                .param("version", expectedVersion)
                .param("user", userId)
                .update();
        if (updated == 0) {
            return false;
        }
        List<OtherName> merged = mergedNames(id);
        jdbc.sql("delete from people.person_name where person_id = ? and merged_from is null")
                .param(id)
                .update();
        insertNames(
                id,
                key(id),
                details.otherNames().stream()
                        .filter(name -> merged.stream()
                                .noneMatch(other ->
                                        other.name().equals(name.name().strip()) && other.kind() == name.kind()))
                        .toList(),
                siteId);
        reindex(id);
        return true;
    }

    Optional<Row> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from people.person p where p.id = ? and " + LIVE)
                .param(id)
                .query(PersonRepository::map)
                .optional()
                .map(this::open);
    }

    /** The person with this code, or the one their record was merged into: old cards keep working. */
    Optional<Row> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + """
                 from people.person p
                 where p.id = (select coalesce(q.merged_into, q.id) from people.person q
                                where q.patient_code = ? and q.deleted_at is null)
                   and p.deleted_at is null and p.merged_into is null
                """)
                .param(code)
                .query(PersonRepository::map)
                .optional()
                .map(this::open);
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists(select 1 from people.person p where p.id = ? and " + LIVE + ")")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Which of these ids a row holds, live, tombstoned or merged. */
    Set<UUID> taken(List<UUID> ids) {
        return new java.util.HashSet<>(jdbc.sql("select id from people.person where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists(select 1 from people.person where patient_code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    Optional<Long> version(UUID id) {
        return jdbc.sql("select version from people.person p where p.id = ? and " + LIVE)
                .param(id)
                .query(Long.class)
                .optional();
    }

    /**
     * Persons having, for every query word, a name word that starts with it (through the blind
     * index), optionally narrowed by sex and by birth years (as {@link SearchedBirth#admits}); at
     * most {@link #CANDIDATES} candidates, unranked.
     */
    List<Row> search(List<String> words, @Nullable Sex sex, @Nullable SearchedBirth birth) {
        // The persons holding the longest word's entry (likely the rarest) are walked through in index
        // order and kept when they hold every other word's entry too; the limit stops the walk early,
        // so a common name costs no more than a rare one.
        List<String> longestFirst = words.stream()
                .distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
        return search(nameIndex.queryEntries(longestFirst), sex, birth, List.of());
    }

    /**
     * Persons holding, for each element of {@code entries}, one of its index entries, leaving out
     * {@code excluded}, narrowed like {@link #search(List, Sex, SearchedBirth)}; at most {@link
     * #CANDIDATES}, unranked. The first element's entries are walked, so it should be the rarest.
     */
    List<Row> search(
            List<List<byte[]>> entries, @Nullable Sex sex, @Nullable SearchedBirth birth, List<UUID> excluded) {
        return search(entries, sex, birth, excluded, CANDIDATES);
    }

    private List<Row> search(
            List<List<byte[]>> entries,
            @Nullable Sex sex,
            @Nullable SearchedBirth birth,
            List<UUID> excluded,
            int most) {
        List<Object> params = new ArrayList<>();
        String matching = nameMatches(rarestFirst(entries), sex, birth, excluded, params);
        // a person holds at most one entry per alternative of the first element: deduplicated here, so
        // that the walk through the index still stops at the limit
        Map<UUID, SealedRow> distinct = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + matching + " limit "
                        + most * entries.getFirst().size())
                .params(params)
                .query(PersonRepository::map)
                .list()
                .forEach(row -> distinct.putIfAbsent(row.id(), row));
        List<SealedRow> rows = distinct.values().stream().limit(most).toList();
        keys.preload(rows.stream().map(SealedRow::id).toList());
        return rows.stream().map(this::open).toList();
    }

    /**
     * At most {@code most} persons whose names sound like every one of {@code tokens} ({@link
     * NameIndex#variantEntries}: by their phonetic keys, and, when {@code coarse}, their variant keys
     * too), leaving out {@code excluded}.
     */
    List<Row> searchVariants(
            List<String> tokens,
            boolean coarse,
            @Nullable Sex sex,
            @Nullable SearchedBirth birth,
            List<UUID> excluded,
            int most) {
        List<List<byte[]>> entries = nameIndex.variantEntries(tokens, coarse);
        return entries.isEmpty() ? List.of() : search(entries, sex, birth, excluded, most);
    }

    /**
     * How many persons {@link #search(List, Sex, SearchedBirth)} would find without its limit, counted
     * up to {@code cap}: what a common name weighs against the few fetched.
     */
    int countMatches(List<String> words, @Nullable Sex sex, @Nullable SearchedBirth birth, int cap) {
        List<Object> params = new ArrayList<>();
        // without sex or birth, the index alone answers (no person read): it also counts the few
        // records merged into another, which their names still find
        String matching = sex == null && birth == null
                ? indexMatches(nameIndex.queryEntries(words), params)
                : nameMatches(nameIndex.queryEntries(words), sex, birth, List.of(), params);
        return jdbc.sql("select count(*) from (select 1" + matching + " limit " + cap + ") found")
                .params(params)
                .query(Integer.class)
                .single();
    }

    /** Entries counted up to this many to tell which is rarest. */
    private static final int COUNTED_ENTRIES = 1_000;

    /**
     * The elements of {@code entries} from the one the fewest persons hold, counted up to {@link
     * #COUNTED_ENTRIES} in the index alone: the search walks the persons holding the first, so a
     * common name typed with a rare one ("Mohamed Popal") costs what the rare one does.
     */
    private List<List<byte[]>> rarestFirst(List<List<byte[]>> entries) {
        if (entries.size() < 2) {
            return entries;
        }
        int[] counts = new int[entries.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = jdbc.sql("select count(*) from (select 1 from people.person_token where token = any(?) limit "
                            + COUNTED_ENTRIES + ") held")
                    .param(entries.get(i).toArray(byte[][]::new))
                    .query(Integer.class)
                    .single();
        }
        return java.util.stream.IntStream.range(0, counts.length)
                .boxed()
                .sorted(java.util.Comparator.comparingInt(i -> counts[i]))
                .map(entries::get)
                .toList();
    }

    /** The from and where clauses of the index entries of persons holding one of each element's entries. */
    private static String indexMatches(List<List<byte[]>> entries, List<Object> params) {
        StringBuilder sql = new StringBuilder(" from people.person_token t0 where t0.token = any(?)");
        params.add(entries.getFirst().toArray(byte[][]::new));
        for (int i = 1; i < entries.size(); i++) {
            sql.append(" and exists (select 1 from people.person_token t")
                    .append(i)
                    .append(" where t")
                    .append(i)
                    .append(".token = any(?) and t")
                    .append(i)
                    .append(".person_id = t0.person_id)");
            params.add(entries.get(i).toArray(byte[][]::new));
        }
        return sql.toString();
    }

    /** The from and where clauses of a search by name, adding their parameters to {@code params}. */
    private static String nameMatches(
            List<List<byte[]>> entries,
            @Nullable Sex sex,
            @Nullable SearchedBirth birth,
            List<UUID> excluded,
            List<Object> params) {
        StringBuilder sql = new StringBuilder("""
                 from people.person_token t0 join people.person p on p.id = t0.person_id
                 where t0.token = any(?) and p.deleted_at is null and p.merged_into is null
                """);
        params.add(entries.getFirst().toArray(byte[][]::new));
        // The person of each entry walked is probed for every other element's entries before they are
        // read (offset 0 keeps each condition a probe: joined instead, PostgreSQL would read and hash
        // every holder of a common name, 50,000 in a registry of a million, at every search).
        for (int i = 1; i < entries.size(); i++) {
            sql.append(" and exists (select 1 from people.person_token t")
                    .append(i)
                    .append(" where t")
                    .append(i)
                    .append(".token = any(?) and t")
                    .append(i)
                    .append(".person_id = t0.person_id offset 0)");
            params.add(entries.get(i).toArray(byte[][]::new));
        }
        if (!excluded.isEmpty()) {
            sql.append(" and p.id <> all(?)");
            params.add(excluded.toArray(UUID[]::new));
        }
        if (sex != null) {
            // a person registered without a sex may be the one sought, as a birth unknown may
            sql.append(" and p.sex in (?, 'UNKNOWN')");
            params.add(sex.name());
        }
        if (birth != null) {
            String margin = "(case when p.birth_date_precision = 'ESTIMATED' then "
                    + SearchedBirth.ESTIMATE_MARGIN_YEARS + " else 0 end)";
            sql.append(" and (p.birth_date is null or extract(year from p.birth_date) between ? - ")
                    .append(margin)
                    .append(" and ? + ")
                    .append(margin)
                    .append(')');
            params.add(birth.fromYear());
            params.add(birth.toYear());
        }
        return sql.toString();
    }

    void recordErasure(UUID id, @Nullable UUID erasedBy, PersonViews.Erasure erasure) {
        jdbc.sql("insert into people.erasure (person_id, erased_by, reason, note) values (:id, :by, :reason, :note)")
                .param("id", id)
                .param("by", erasedBy)
                .param("reason", erasure.reason().name())
                .param("note", erasure.note())
                .update();
    }

    /** Removes a person and everything the module holds about them. */
    void delete(UUID id) {
        jdbc.sql("delete from people.person where id = ?").param(id).update();
    }

    /** The other names of these persons, in the order they were given. */
    Map<UUID, List<OtherName>> otherNames(List<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                select person_id, name, kind, script, language from people.person_name
                 where person_id = any(?) order by person_id, position
                """)
                .param(personIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(
                        rs.getObject("person_id", UUID.class),
                        new OtherName(
                                key(rs.getObject("person_id", UUID.class)).open(OTHER_NAME, rs.getBytes("name")),
                                PersonViews.NameKind.valueOf(rs.getString("kind")),
                                rs.getString("script") == null
                                        ? null
                                        : PersonViews.Script.valueOf(rs.getString("script")),
                                rs.getString("language"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The names a merge brought to this person. */
    private List<OtherName> mergedNames(UUID personId) {
        return jdbc.sql("""
                        select name, kind, script, language from people.person_name
                         where person_id = ? and merged_from is not null order by position
                        """)
                .param(personId)
                .query((rs, row) -> new OtherName(
                        key(personId).open(OTHER_NAME, rs.getBytes("name")),
                        PersonViews.NameKind.valueOf(rs.getString("kind")),
                        rs.getString("script") == null ? null : PersonViews.Script.valueOf(rs.getString("script")),
                        rs.getString("language")))
                .list();
    }

    /**
     * Copies every name of {@code mergedId} — its chosen name as a spelling, and its other names —
     * to {@code keptId}, sealed with the kept person's key and marked as brought by the merge.
     */
    void copyNamesForMerge(UUID keptId, UUID mergedId) {
        Row merged = jdbc.sql("select " + COLUMNS + " from people.person p where p.id = ?")
                .param(mergedId)
                .query(PersonRepository::map)
                .optional()
                .map(this::open)
                .orElseThrow(() -> DomainException.notFound("person"));
        List<OtherName> names = new ArrayList<>();
        names.add(new OtherName(merged.chosenName(), PersonViews.NameKind.SPELLING, null, null));
        names.addAll(otherNames(List.of(mergedId)).getOrDefault(mergedId, List.of()));
        DataKey key = key(keptId);
        int position = jdbc.sql("select coalesce(max(position) + 1, 0) from people.person_name where person_id = ?")
                .param(keptId)
                .query(Integer.class)
                .single();
        for (OtherName name : names) {
            jdbc.sql("""
                    insert into people.person_name
                        (id, person_id, name, kind, script, language, given_at_site, position, merged_from)
                    values (:id, :person, :name, :kind, :script, :language, null, :position, :mergedFrom)
                    """)
                    .param("id", Ids.newId())
                    .param("person", keptId)
                    .param("name", key.seal(OTHER_NAME, name.name()))
                    .param("kind", name.kind().name())
                    .param(
                            "script",
                            name.script() == null ? null : name.script().name())
                    .param("language", name.language())
                    .param("position", position++)
                    .param("mergedFrom", mergedId)
                    .update();
        }
        reindex(keptId);
    }

    /** Removes from {@code keptId} the names a merge of {@code mergedId} brought. */
    void removeNamesOfMerge(UUID keptId, UUID mergedId) {
        jdbc.sql("delete from people.person_name where person_id = ? and merged_from = ?")
                .params(keptId, mergedId)
                .update();
        reindex(keptId);
    }

    void setMergedInto(UUID mergedId, @Nullable UUID keptId) {
        jdbc.sql("update people.person set merged_into = :kept, updated_at = now(), version = version + 1"
                        + " where id = :id")
                .param("kept", keptId)
                .param("id", mergedId)
                .update();
    }

    /** Whether other records are merged into this one. */
    boolean holdsMerged(UUID id) {
        return !mergedInto(id).isEmpty();
    }

    /** The records merged into this one. */
    List<UUID> mergedInto(UUID id) {
        return jdbc.sql("select id from people.person where merged_into = ?")
                .param(id)
                .query(UUID.class)
                .list();
    }

    /** Rebuilds the blind indexes of a person (name tokens and match keys) from all their names. */
    private void reindex(UUID personId) {
        jdbc.sql("delete from people.person_token where person_id = ?")
                .param(personId)
                .update();
        jdbc.sql("delete from people.person_match_key where person_id = ?")
                .param(personId)
                .update();
        Optional<Row> row = jdbc.sql("select " + COLUMNS + " from people.person p where p.id = ?")
                .param(personId)
                .query(PersonRepository::map)
                .optional()
                .map(this::open);
        if (row.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        names.add(row.get().chosenName());
        otherNames(List.of(personId)).getOrDefault(personId, List.of()).forEach(name -> names.add(name.name()));
        insertEntries(
                personId,
                names,
                row.get().sex(),
                row.get().birthDate(),
                row.get().countryOfOrigin());
    }

    /**
     * Writes the name index's entries and the match keys of a person who has none, each table in
     * one statement.
     */
    private void insertEntries(
            UUID personId, List<String> names, Sex sex, @Nullable BirthDate birthDate, @Nullable String country) {
        insertEntries("people.person_token", personId, nameIndex.entriesOf(names));
        insertEntries(
                "people.person_match_key",
                personId,
                matchIndex.entriesOf(new PersonRecord(personId.toString(), names, sex, birthDate, country)));
    }

    private void insertEntries(String table, UUID personId, Collection<NameIndex.IndexEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String column = table.endsWith("match_key") ? "key" : "token";
        jdbc.sql("insert into " + table + " (" + column + ", person_id, epoch)"
                        + " select entry, ?, epoch from unnest(?::bytea[], ?::integer[]) as e(entry, epoch)"
                        + " on conflict do nothing")
                .params(
                        personId,
                        entries.stream().map(NameIndex.IndexEntry::hash).toArray(byte[][]::new),
                        entries.stream().map(NameIndex.IndexEntry::epoch).toArray(Integer[]::new))
                .update();
    }

    /** What the matching engine compares of a person: all their names, sex, birth date, country. */
    PersonRecord matchable(Row row, List<OtherName> otherNames) {
        List<String> names = new ArrayList<>();
        names.add(row.chosenName());
        otherNames.forEach(name -> names.add(name.name()));
        return new PersonRecord(row.id().toString(), names, row.sex(), row.birthDate(), row.countryOfOrigin());
    }

    /** Persons by id, in no particular order, leaving out those that are gone. */
    List<Row> findAllById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SealedRow> rows = jdbc.sql("select " + COLUMNS + " from people.person p where p.id = any(?) and " + LIVE)
                .param(ids.toArray(UUID[]::new))
                .query(PersonRepository::map)
                .list();
        keys.preload(rows.stream().map(SealedRow::id).toList());
        return rows.stream().map(this::open).toList();
    }

    /** Inserts a person's other names, sealed with their key, in one statement. */
    private void insertNames(UUID personId, DataKey key, List<OtherName> names, UUID siteId) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into people.person_name (id, person_id, name, kind, script, language, given_at_site, position)
                select id, ?, name, kind, script, language, ?, position - 1
                  from unnest(?::uuid[], ?::bytea[], ?::text[], ?::text[], ?::text[])
                       with ordinality as n(id, name, kind, script, language, position)
                """)
                .params(
                        personId,
                        siteId,
                        names.stream().map(name -> Ids.newId()).toArray(UUID[]::new),
                        names.stream()
                                .map(name -> key.seal(OTHER_NAME, name.name().strip()))
                                .toArray(byte[][]::new),
                        names.stream().map(name -> name.kind().name()).toArray(String[]::new),
                        names.stream()
                                .map(name -> name.script() == null
                                        ? null
                                        : name.script().name())
                                .toArray(String[]::new),
                        names.stream().map(OtherName::language).toArray(String[]::new))
                .update();
    }

    private DataKey key(UUID personId) {
        return keys.existingKey(personId).orElseThrow(() -> DomainException.notFound("person"));
    }

    private Row open(SealedRow row) {
        DataKey key = key(row.id());
        return new Row(
                row.id(),
                row.patientCode(),
                key.open(CHOSEN_NAME, row.chosenName()),
                row.sex(),
                row.birthDate(),
                row.languages(),
                row.countryOfOrigin(),
                key.openNullable(PHONE, row.phone()),
                row.flags(),
                row.registeredSiteId(),
                row.version(),
                row.createdAt(),
                row.updatedAt());
    }

    private static Map<String, @Nullable Object> detailParameters(
            DataKey key, PersonDetails details, @Nullable BirthDate birthDate) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("name", key.seal(CHOSEN_NAME, details.chosenName().strip()));
        params.put("sex", details.sex().name());
        params.put("birthDate", birthDate == null ? null : birthDate.date());
        params.put("precision", birthDate == null ? null : birthDate.precision().name());
        params.put("estimatedAge", birthDate == null ? null : birthDate.estimatedAge());
        params.put("estimatedOn", birthDate == null ? null : birthDate.estimatedOn());
        params.put("languages", details.languages().stream().sorted().toArray(String[]::new));
        params.put("country", details.countryOfOrigin());
        params.put("phone", key.sealNullable(PHONE, details.phone()));
        params.put("flags", details.flags().stream().map(Enum::name).sorted().toArray(String[]::new));

        return params;
    }

    private static SealedRow map(ResultSet rs, int row) throws SQLException {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String flag : (String[]) rs.getArray("flags").getArray()) {
            flags.add(Flag.valueOf(flag));
        }
        return new SealedRow(
                rs.getObject("id", UUID.class),
                rs.getString("patient_code"),
                rs.getBytes("chosen_name"),
                Sex.valueOf(rs.getString("sex")),
                birthDate(rs),
                Set.copyOf(Arrays.asList((String[]) rs.getArray("languages").getArray())),
                rs.getString("country_of_origin"),
                rs.getBytes("phone"),
                Set.copyOf(flags),
                rs.getObject("registered_site_id", UUID.class),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static @Nullable BirthDate birthDate(ResultSet rs) throws SQLException {
        Date date = rs.getDate("birth_date");
        if (date == null) {
            return null;
        }
        Date estimatedOn = rs.getDate("age_estimated_on");
        Integer estimatedAge = rs.getObject("estimated_age", Integer.class);
        LocalDate on = estimatedOn == null ? null : estimatedOn.toLocalDate();
        return new BirthDate(
                BirthDate.Precision.valueOf(rs.getString("birth_date_precision")),
                date.toLocalDate(),
                estimatedAge,
                on);
    }

    /** A site where a person is in care, and when it first and last saw them. */
    record CareSite(UUID siteId, LocalDate firstContactOn, LocalDate lastContactOn) {}

    /** The sites where a person is in care, the earliest first (for the export of their data). */
    List<CareSite> careSites(UUID personId) {
        return jdbc.sql("""
                select site_id, first_contact_on, last_contact_on from people.person_site
                 where person_id = ? order by first_contact_on, site_id
                """).param(personId).query(CareSite.class).list();
    }
}
