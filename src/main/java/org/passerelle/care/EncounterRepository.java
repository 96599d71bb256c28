package org.passerelle.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.care.CareViews.NewConsultation;
import org.passerelle.care.EncounterViews.EncounterSummary;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.care.forms.CheckedAnswers.PrescribedLine;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.platform.crypto.DataKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations recorded with forms: their current state, signed revisions, diagnoses and prescriptions. */
@Repository
class EncounterRepository {

    static final String ANSWERS = "answers";
    static final String REASON = "amendment-reason";
    static final String INSTRUCTIONS = "instructions";

    private static final String SELECT = """
            select id, person_id, site_id, discipline, compartment, occurred_on, provider_id, provider_name, status,
                   version, form_code, form_version, answers, coded::text as coded, attendees, revision, created_at,
                   updated_at, signed_at
              from care.encounter
            """;

    /** A consultation as stored, its free text still sealed. */
    record Stored(
            UUID id,
            @Nullable UUID personId,
            UUID siteId,
            Discipline discipline,
            Compartment compartment,
            LocalDate occurredOn,
            UUID providerId,
            String providerName,
            Status status,
            long version,
            String formCode,
            int formVersion,
            byte @Nullable [] answers,
            String coded,
            @Nullable Integer attendees,
            int revision,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant signedAt) {

        /** Whose key seals its free text: the person's, or the session's own for a group session. */
        UUID keySubject() {
            return personId == null ? id : personId;
        }
    }

    /** A signed revision as stored. */
    record StoredRevision(
            int revision,
            int formVersion,
            LocalDate occurredOn,
            byte @Nullable [] answers,
            String coded,
            byte @Nullable [] reason,
            Instant signedAt,
            String signedByName) {}

    /** What is written for a consultation's current state. */
    record Content(
            LocalDate occurredOn,
            int formVersion,
            byte @Nullable [] answers,
            String coded,
            @Nullable Integer attendees,
            Status status) {}

    private final JdbcClient jdbc;

    EncounterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            @Nullable UUID personId,
            UUID siteId,
            FormDefinition form,
            UUID providerId,
            String providerName,
            Content content) {
        jdbc.sql("""
                insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on, provider_id,
                    provider_name, status, form_code, form_version, answers, coded, attendees, signed_at, signed_by,
                    created_by, updated_by)
                values (:id, :person, :site, :discipline, :compartment, :occurredOn, :provider, :providerName, :status,
                    :formCode, :formVersion, :answers, :coded::jsonb, :attendees,
                    case when :status = 'SIGNED' then now() end, case when :status = 'SIGNED' then :provider end,
                    :provider, :provider)
                """)
                .param("id", id)
                .param("person", personId)
                .param("site", siteId)
                .param("discipline", form.discipline().name())
                .param("compartment", form.compartment().name())
                .param("occurredOn", content.occurredOn())
                .param("provider", providerId)
                .param("providerName", providerName)
                .param("status", content.status().name())
                .param("formCode", form.code())
                .param("formVersion", content.formVersion())
                .param("answers", content.answers())
                .param("coded", content.coded())
                .param("attendees", content.attendees())
                .update();
    }

    /** Inserts a signed short note of the older consultation API, its texts already sealed. */
    void insertNote(
            UUID id,
            NewConsultation command,
            Compartment compartment,
            LocalDate occurredOn,
            UUID siteId,
            CurrentUser provider,
            byte @Nullable [] note,
            byte @Nullable [] diagnosis) {
        jdbc.sql("""
                insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on, provider_id,
                    provider_name, note, diagnosis, interpreter, language, created_by, updated_by, form_code, form_version,
                    signed_at, signed_by)
                values (:id, :person, :site, :discipline, :compartment, :occurredOn, :provider, :providerName, :note,
                    :diagnosis, :interpreter, :language, :provider, :provider, :form, 1, now(), :provider)
                """)
                .param("id", id)
                .param("person", command.personId())
                .param("site", siteId)
                .param("discipline", command.discipline().name())
                .param("form", command.discipline().formCode())
                .param("compartment", compartment.name())
                .param("occurredOn", occurredOn)
                .param("provider", provider.id())
                .param("providerName", provider.displayName())
                .param("note", note)
                .param("diagnosis", diagnosis)
                .param("interpreter", command.interpreter())
                .param("language", command.language())
                .update();
    }

    /**
     * Writes a consultation's new current state if it is still at {@code version}: a draft's new
     * answers, its signature, or an amendment ({@code newRevision}). False when someone changed it.
     */
    boolean update(UUID id, long version, Content content, boolean newRevision, UUID by) {
        return jdbc.sql("""
                        update care.encounter
                           set occurred_on = :occurredOn, form_version = :formVersion, answers = :answers,
                               coded = :coded::jsonb, attendees = :attendees, status = :status,
                               revision = revision + case when :newRevision then 1 else 0 end,
                               signed_at = case when :status = 'SIGNED' then now() end,
                               signed_by = case when :status = 'SIGNED' then :by end,
                               version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version and deleted_at is null
                        """)
                        .param("occurredOn", content.occurredOn())
                        .param("formVersion", content.formVersion())
                        .param("answers", content.answers())
                        .param("coded", content.coded())
                        .param("attendees", content.attendees())
                        .param("status", content.status().name())
                        .param("newRevision", newRevision)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void insertRevision(UUID id, int revision, Content content, byte @Nullable [] reason, UUID by, String byName) {
        jdbc.sql("""
                insert into care.encounter_revision (encounter_id, revision, form_version, occurred_on, answers, coded,
                    reason, signed_at, signed_by, signed_by_name)
                values (:id, :revision, :formVersion, :occurredOn, :answers, :coded::jsonb, :reason, now(), :by, :byName)
                """)
                .param("id", id)
                .param("revision", revision)
                .param("formVersion", content.formVersion())
                .param("occurredOn", content.occurredOn())
                .param("answers", content.answers())
                .param("coded", content.coded())
                .param("reason", reason)
                .param("by", by)
                .param("byName", byName)
                .update();
    }

    /** Replaces the coded diagnoses and prescription lines with those of the revision just signed. */
    void replaceCodes(UUID id, List<String> diagnoses, List<PrescribedLine> prescriptions, DataKey key) {
        jdbc.sql("delete from care.encounter_diagnosis where encounter_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from care.prescription_line where encounter_id = ?")
                .param(id)
                .update();
        for (int position = 0; position < diagnoses.size(); position++) {
            jdbc.sql("insert into care.encounter_diagnosis (encounter_id, position, code) values (?, ?, ?)")
                    .params(id, position, diagnoses.get(position))
                    .update();
        }
        for (int line = 0; line < prescriptions.size(); line++) {
            PrescribedLine prescribed = prescriptions.get(line);
            jdbc.sql("""
                    insert into care.prescription_line (encounter_id, line, medicine_code, morning, noon, evening,
                        night, days, instructions)
                    values (:id, :line, :medicine, :morning, :noon, :evening, :night, :days, :instructions)
                    """)
                    .param("id", id)
                    .param("line", line)
                    .param("medicine", prescribed.medicine())
                    .param("morning", prescribed.morning())
                    .param("noon", prescribed.noon())
                    .param("evening", prescribed.evening())
                    .param("night", prescribed.night())
                    .param("days", prescribed.days())
                    .param("instructions", key.sealNullable(INSTRUCTIONS, prescribed.instructions()))
                    .update();
        }
    }

    /** Whether a consultation's current revision prescribes anything. */
    boolean hasPrescription(UUID id) {
        return jdbc.sql("select exists(select 1 from care.prescription_line where encounter_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** The medicine of one line of a consultation's current prescription. */
    Optional<String> prescribedMedicine(UUID id, int line) {
        return jdbc.sql("select medicine_code from care.prescription_line where encounter_id = ? and line = ?")
                .params(id, line)
                .query(String.class)
                .optional();
    }

    /** The prescription lines of a consultation's current revision, their instructions opened. */
    List<PrescribedLine> prescriptionLines(UUID id, DataKey key) {
        return jdbc.sql("""
                select medicine_code, morning, noon, evening, night, days, instructions
                  from care.prescription_line where encounter_id = ? order by line
                """)
                .param(id)
                .query((rs, row) -> new PrescribedLine(
                        rs.getString("medicine_code"),
                        rs.getBigDecimal("morning"),
                        rs.getBigDecimal("noon"),
                        rs.getBigDecimal("evening"),
                        rs.getBigDecimal("night"),
                        (Integer) rs.getObject("days"),
                        key.openNullable(INSTRUCTIONS, rs.getBytes("instructions"))))
                .list();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ? and deleted_at is null")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Consultations by id, in no particular order, leaving out those deleted. */
    List<Stored> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(?) and deleted_at is null")
                .param(ids.toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    /** The signed revisions of many consultations, each consultation's in order. */
    Map<UUID, List<StoredRevision>> revisionsOf(Collection<UUID> ids) {
        Map<UUID, List<StoredRevision>> revisions = new HashMap<>();
        if (ids.isEmpty()) {
            return revisions;
        }
        jdbc.sql("""
                select encounter_id, revision, form_version, occurred_on, answers, coded::text as coded, reason,
                       signed_at, signed_by_name
                  from care.encounter_revision where encounter_id = any(?) order by encounter_id, revision
                """).param(ids.toArray(UUID[]::new)).query(rs -> {
            revisions
                    .computeIfAbsent(rs.getObject("encounter_id", UUID.class), id -> new ArrayList<>(2))
                    .add(revision(rs, 0));
        });
        return revisions;
    }

    /** Which of these consultations' current revisions prescribe anything. */
    Set<UUID> prescribedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.sql("select distinct encounter_id from care.prescription_line where encounter_id = any(?)")
                        .param(ids.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    List<StoredRevision> revisions(UUID id) {
        return jdbc.sql("""
                select revision, form_version, occurred_on, answers, coded::text as coded, reason, signed_at,
                       signed_by_name
                  from care.encounter_revision where encounter_id = ? order by revision
                """).param(id).query(EncounterRepository::revision).list();
    }

    private static StoredRevision revision(ResultSet rs, int row) throws SQLException {
        return new StoredRevision(
                rs.getInt("revision"),
                rs.getInt("form_version"),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getBytes("answers"),
                rs.getString("coded"),
                rs.getBytes("reason"),
                rs.getTimestamp("signed_at").toInstant(),
                rs.getString("signed_by_name"));
    }

    boolean deleteDraft(UUID id, UUID providerId) {
        return jdbc.sql("delete from care.encounter where id = ? and status = 'DRAFT' and provider_id = ?")
                        .params(id, providerId)
                        .update()
                == 1;
    }

    /** The drafts a provider has not signed yet, newest first. */
    List<EncounterSummary> draftsOf(UUID providerId) {
        return jdbc.sql(SUMMARY + " where provider_id = ? and status = 'DRAFT' and deleted_at is null"
                        + " order by updated_at desc limit 100")
                .param(providerId)
                .query(EncounterRepository::summary)
                .list();
    }

    /** A site's recent group sessions in these compartments, newest first. */
    List<EncounterSummary> groupSessions(UUID siteId, List<Compartment> compartments, int limit) {
        return jdbc.sql(SUMMARY + """
                         where site_id = ? and person_id is null and compartment = any(?) and deleted_at is null
                         order by occurred_on desc, updated_at desc limit ?
                        """)
                .params(siteId, compartments.stream().map(Compartment::name).toArray(String[]::new), limit)
                .query(EncounterRepository::summary)
                .list();
    }

    private static final String SUMMARY = """
            select id, person_id, form_code, discipline, occurred_on, status, attendees, provider_name, updated_at
              from care.encounter
            """;

    private static EncounterSummary summary(ResultSet rs, int row) throws SQLException {
        return new EncounterSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("form_code"),
                Discipline.valueOf(rs.getString("discipline")),
                rs.getObject("occurred_on", LocalDate.class),
                Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("attendees"),
                rs.getString("provider_name"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getObject("site_id", UUID.class),
                Discipline.valueOf(rs.getString("discipline")),
                Compartment.valueOf(rs.getString("compartment")),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("provider_id", UUID.class),
                rs.getString("provider_name"),
                Status.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getString("form_code"),
                rs.getInt("form_version"),
                rs.getBytes("answers"),
                rs.getString("coded"),
                (Integer) rs.getObject("attendees"),
                rs.getInt("revision"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("signed_at") == null
                        ? null
                        : rs.getTimestamp("signed_at").toInstant());
    }
}
