package org.passerelle.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.passerelle.platform.Ids;
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

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            String patientCode,
            PersonDetails details,
            @Nullable BirthDate birthDate,
            UUID siteId,
            UUID userId) {
        jdbc.sql("""
                insert into people.person (id, patient_code, chosen_name, sex, birth_date, birth_date_precision,
                    estimated_age, age_estimated_on, languages, country_of_origin, phone, flags, registered_site_id,
                    search_text, created_by, updated_by)
                values (:id, :code, :name, :sex, :birthDate, :precision, :estimatedAge, :estimatedOn, :languages,
                    :country, :phone, :flags, :site, :searchText, :user, :user)
                """)
                .params(detailParameters(details, birthDate))
                .param("id", id)
                .param("code", patientCode)
                .param("site", siteId)
                .param("user", userId)
                .update();
        insertNames(id, details.otherNames(), siteId);
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
                    search_text = :searchText, updated_by = :user, updated_at = now(), version = version + 1
                 where id = :id and version = :version and deleted_at is null
                """)
                .params(detailParameters(details, birthDate))
                .param("id", id)
                .param("version", expectedVersion)
                .param("user", userId)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from people.person_name where person_id = ?").param(id).update();
        insertNames(id, details.otherNames(), siteId);
        return true;
    }

    Optional<Row> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from people.person p where p.id = ? and p.deleted_at is null")
                .param(id)
                .query(PersonRepository::map)
                .optional();
    }

    Optional<Row> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from people.person p where p.patient_code = ? and p.deleted_at is null")
                .param(code)
                .query(PersonRepository::map)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists(select 1 from people.person where id = ? and deleted_at is null)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists(select 1 from people.person where patient_code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    Optional<Long> version(UUID id) {
        return jdbc.sql("select version from people.person where id = ? and deleted_at is null")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /**
     * Persons whose names contain every token, those with a whole-word match first. The trigram
     * index answers each {@code like}; ranking happens on the few rows that match.
     */
    List<Row> search(List<String> tokens, @Nullable Sex sex, @Nullable Integer birthYear, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from people.person p where p.deleted_at is null");
        List<Object> params = new ArrayList<>();
        for (String token : tokens) {
            sql.append(" and p.search_text like ?");
            params.add("%" + escapeLike(token) + "%");
        }
        if (sex != null) {
            sql.append(" and p.sex = ?");
            params.add(sex.name());
        }
        if (birthYear != null) {
            sql.append(" and (p.birth_date is null or abs(extract(year from p.birth_date) - ?) <= ")
                    .append("case when p.birth_date_precision = 'ESTIMATED' then 2 else 0 end)");
            params.add(birthYear);
        }
        sql.append(" order by (");
        for (int i = 0; i < tokens.size(); i++) {
            sql.append(i == 0 ? "" : " + ").append("(p.search_text ~ ?)::int");
            params.add("(^|[ |])" + tokens.get(i) + "($|[ |])");
        }
        sql.append(") desc, p.chosen_name, p.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(PersonRepository::map)
                .list();
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
                                rs.getString("name"),
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

    private void insertNames(UUID personId, List<OtherName> names, UUID siteId) {
        int position = 0;
        for (OtherName name : names) {
            jdbc.sql("""
                    insert into people.person_name (id, person_id, name, kind, script, language, given_at_site, position)
                    values (:id, :person, :name, :kind, :script, :language, :site, :position)
                    """)
                    .param("id", Ids.newId())
                    .param("person", personId)
                    .param("name", name.name().strip())
                    .param("kind", name.kind().name())
                    .param(
                            "script",
                            name.script() == null ? null : name.script().name())
                    .param("language", name.language())
                    .param("site", siteId)
                    .param("position", position++)
                    .update();
        }
    }

    private static Map<String, @Nullable Object> detailParameters(
            PersonDetails details, @Nullable BirthDate birthDate) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("name", details.chosenName().strip());
        params.put("sex", details.sex().name());
        params.put("birthDate", birthDate == null ? null : birthDate.date());
        params.put("precision", birthDate == null ? null : birthDate.precision().name());
        params.put("estimatedAge", birthDate == null ? null : birthDate.estimatedAge());
        params.put("estimatedOn", birthDate == null ? null : birthDate.estimatedOn());
        params.put("languages", details.languages().stream().sorted().toArray(String[]::new));
        params.put("country", details.countryOfOrigin());
        params.put("phone", details.phone());
        params.put("flags", details.flags().stream().map(Enum::name).sorted().toArray(String[]::new));
        params.put(
                "searchText",
                SearchText.of(
                        details.chosenName(),
                        details.otherNames().stream().map(OtherName::name).toList()));
        return params;
    }

    private static String escapeLike(String token) {
        return token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String flag : (String[]) rs.getArray("flags").getArray()) {
            flags.add(Flag.valueOf(flag));
        }
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("patient_code"),
                rs.getString("chosen_name"),
                Sex.valueOf(rs.getString("sex")),
                birthDate(rs),
                Set.copyOf(Arrays.asList((String[]) rs.getArray("languages").getArray())),
                rs.getString("country_of_origin"),
                rs.getString("phone"),
                Set.copyOf(flags),
                rs.getObject("registered_site_id", UUID.class),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable BirthDate birthDate(ResultSet rs) throws SQLException {
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
}
