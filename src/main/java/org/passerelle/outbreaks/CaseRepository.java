package org.passerelle.outbreaks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.outbreaks.OutbreakViews.ClassificationStep;
import org.passerelle.outbreaks.OutbreakViews.ClinicalFields;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The line lists' cases and their classification history. */
@Repository
class CaseRepository {

    static final String COLUMNS = """
            id, disease, case_number, site_id, outreach_location_id, person_id, sex, age_years, age_group,
            classification, onset_on, admitted_on, rapid_test, lab_result, severity, outcome, outcome_on,
            latitude, longitude, version, created_at""";

    /** Who the case is of, as recorded once. */
    record Subject(
            UUID siteId,
            @Nullable UUID outreachLocationId,
            @Nullable UUID personId,
            String sex,
            @Nullable Integer ageYears,
            String ageGroup) {}

    private final JdbcClient jdbc;
    private final Diseases diseases;

    CaseRepository(JdbcClient jdbc, Diseases diseases) {
        this.jdbc = jdbc;
        this.diseases = diseases;
    }

    /** Inserts a case; false when its id is there already. */
    boolean insert(UUID id, String disease, Subject subject, ClinicalFields fields, Instant at, UUID by) {
        return jdbc.sql("""
                        insert into outbreaks.outbreak_case (id, disease, site_id, outreach_location_id, person_id,
                            sex, age_years, age_group, classification, onset_on, admitted_on, rapid_test, lab_result,
                            severity, outcome, outcome_on, latitude, longitude, created_at, updated_at, created_by,
                            updated_by)
                        values (:id, :disease, :site, :place, :person, :sex, :age, :ageGroup, :classification,
                            :onset, :admitted, :rapidTest, :labResult, :severity, :outcome, :outcomeOn, :lat, :lon,
                            :at, :at, :by, :by)
                        on conflict (id) do nothing
                        """)
                        .param("id", id)
                        .param("disease", disease)
                        .param("site", subject.siteId())
                        .param("place", subject.outreachLocationId())
                        .param("person", subject.personId())
                        .param("sex", subject.sex())
                        .param("age", subject.ageYears())
                        .param("ageGroup", subject.ageGroup())
                        .params(clinical(fields))
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Writes the changed fields if the version is still {@code version}; false otherwise. */
    boolean update(UUID id, long version, ClinicalFields fields, Instant at, UUID by) {
        return jdbc.sql("""
                        update outbreaks.outbreak_case
                           set classification = :classification, onset_on = :onset, admitted_on = :admitted,
                               rapid_test = :rapidTest, lab_result = :labResult, severity = :severity,
                               outcome = :outcome, outcome_on = :outcomeOn, latitude = :lat, longitude = :lon,
                               version = version + 1, change_seq = nextval('outbreaks.case_change_seq'),
                               updated_at = :at, updated_by = :by
                         where id = :id and version = :version and deleted_at is null
                        """)
                        .params(clinical(fields))
                        .param("id", id)
                        .param("version", version)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    void addStep(UUID caseId, String classification, Instant at, UUID by) {
        jdbc.sql("""
                        insert into outbreaks.case_classification (case_id, classification, changed_at, changed_by)
                        values (?, ?, ?, ?)
                        """).params(caseId, classification, utc(at), by).update();
    }

    Optional<OutbreakCase> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from outbreaks.outbreak_case where id = ? and deleted_at is null")
                .param(id)
                .query(this::read)
                .optional();
    }

    /** A case as it is, removed or not. */
    record Held(OutbreakCase value, boolean removed) {}

    /** These cases, those removed by their tombstone included. */
    List<Held> held(List<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + """
                        , deleted_at is not null as removed
                          from outbreaks.outbreak_case where id = any(?)
                        """)
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> new Held(read(rs, row), rs.getBoolean("removed")))
                .list();
    }

    /** The disease's cases in the scope, newest onset first. */
    List<OutbreakCase> list(String disease, Scope scope) {
        return jdbc.sql("select " + COLUMNS + """
                         from outbreaks.outbreak_case
                        where disease = :disease and deleted_at is null and (:all or site_id = any(:sites))
                        order by onset_on desc, case_number desc
                        """)
                .param("disease", disease)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query(this::read)
                .list();
    }

    List<ClassificationStep> steps(UUID caseId) {
        return jdbc.sql("""
                        select classification, changed_at from outbreaks.case_classification
                         where case_id = ? order by changed_at
                        """)
                .param(caseId)
                .query((rs, row) -> new ClassificationStep(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Unlinks an erased person from their cases, which stay in the line list as anonymous cases. */
    void forgetPerson(UUID personId) {
        jdbc.sql("""
                        update outbreaks.outbreak_case
                           set person_id = null, merged_from = null, version = version + 1,
                               change_seq = nextval('outbreaks.case_change_seq')
                         where person_id = ?
                        """).param(personId).update();
        jdbc.sql("update outbreaks.outbreak_case set merged_from = null where merged_from = ?")
                .param(personId)
                .update();
    }

    OutbreakCase read(ResultSet rs, int row) throws SQLException {
        String disease = rs.getString("disease");
        return new OutbreakCase(
                rs.getObject("id", UUID.class),
                caseNumber(disease, rs.getLong("case_number")),
                disease,
                rs.getObject("site_id", UUID.class),
                rs.getObject("outreach_location_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("sex"),
                rs.getObject("age_years", Integer.class),
                rs.getString("age_group"),
                rs.getString("classification"),
                rs.getObject("onset_on", LocalDate.class),
                rs.getObject("admitted_on", LocalDate.class),
                rs.getString("rapid_test"),
                rs.getString("lab_result"),
                rs.getString("severity"),
                rs.getString("outcome"),
                rs.getObject("outcome_on", LocalDate.class),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** The case number shown and exported: the disease's prefix and the number, such as CHO-000042. */
    String caseNumber(String disease, long number) {
        return diseases.require(disease).prefix() + "-" + String.format("%06d", number);
    }

    private static Map<String, @Nullable Object> clinical(ClinicalFields fields) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("classification", fields.classification());
        values.put("onset", fields.onsetOn());
        values.put("admitted", fields.admittedOn());
        values.put("rapidTest", fields.rapidTest());
        values.put("labResult", fields.labResult());
        values.put("severity", fields.severity());
        values.put("outcome", fields.outcome());
        values.put("outcomeOn", fields.outcomeOn());
        values.put("lat", fields.latitude());
        values.put("lon", fields.longitude());
        return values;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
