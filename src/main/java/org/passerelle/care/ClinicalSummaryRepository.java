package org.passerelle.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a clinical summary shows from a person's signed consultations and follow-ups. Every
 * query takes the compartments the reader opens, so that nothing from the others is counted.
 */
@Repository
class ClinicalSummaryRepository {

    private static final String SIGNED_IN = """
             e.person_id = :person and e.status = 'SIGNED' and e.deleted_at is null
               and e.compartment = any(:compartments)
            """;

    /** A diagnosis code and when it was given. */
    record DiagnosisSeen(String code, LocalDate firstSeen, LocalDate lastSeen, int timesSeen) {}

    /** A prescription line and the consultation that gave it; its instructions still sealed. */
    record PrescriptionRow(
            UUID encounterId,
            LocalDate startedOn,
            String medicineCode,
            BigDecimal morning,
            BigDecimal noon,
            BigDecimal evening,
            BigDecimal night,
            int days,
            byte @Nullable [] instructions) {}

    /** The allergy answers of a consultation: the structured one, and its sealed free text. */
    record AllergyAnswers(LocalDate occurredOn, @Nullable String status, byte @Nullable [] sealedTexts) {}

    /** An open follow-up as stored. */
    record FollowUpRow(
            UUID id,
            FollowUpProgramme programme,
            UUID siteId,
            LocalDate startedOn,
            @Nullable LocalDate lastVisitOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable String conditionCode) {}

    /** A consultation's diagnosis code in its order. */
    record EncounterCode(UUID encounterId, String code) {}

    private final JdbcClient jdbc;

    ClinicalSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The coded diagnoses of the person's signed consultations, most recently given first. */
    List<DiagnosisSeen> diagnoses(UUID personId, Collection<Compartment> compartments) {
        return jdbc.sql("""
                select d.code, min(e.occurred_on) as first_seen, max(e.occurred_on) as last_seen,
                       count(distinct e.id) as times_seen
                  from care.encounter e join care.encounter_diagnosis d on d.encounter_id = e.id
                 where""" + SIGNED_IN + """
                 group by d.code
                 order by last_seen desc, times_seen desc, d.code
                """)
                .param("person", personId)
                .param("compartments", names(compartments))
                .query(DiagnosisSeen.class)
                .list();
    }

    /** The prescription lines of signed consultations whose course covers {@code today}. */
    List<PrescriptionRow> runningPrescriptions(UUID personId, Collection<Compartment> compartments, LocalDate today) {
        return jdbc.sql("""
                select e.id as encounter_id, e.occurred_on as started_on, p.medicine_code, p.morning, p.noon,
                       p.evening, p.night, p.days, p.instructions
                  from care.encounter e join care.prescription_line p on p.encounter_id = e.id
                 where""" + SIGNED_IN + """
                   and p.days is not null and e.occurred_on <= :today and e.occurred_on + p.days > :today
                 order by e.occurred_on desc, e.created_at desc, p.line
                """)
                .param("person", personId)
                .param("compartments", names(compartments))
                .param("today", today)
                .query(PrescriptionRow.class)
                .list();
    }

    /**
     * The structured allergy answer and the sealed texts (where a written allergy would be) of the
     * person's signed consultations, newest first.
     */
    List<AllergyAnswers> allergyAnswers(UUID personId, Collection<Compartment> compartments, String statusField) {
        return jdbc.sql("""
                select e.occurred_on, e.coded ->> :field as status, e.answers as sealed_texts
                  from care.encounter e
                 where""" + SIGNED_IN + """
                   and (e.answers is not null or e.coded ->> :field is not null)
                 order by e.occurred_on desc, e.created_at desc
                 limit 200
                """)
                .param("person", personId)
                .param("compartments", names(compartments))
                .param("field", statusField)
                .query(AllergyAnswers.class)
                .list();
    }

    /** The person's open follow-ups in these programmes. */
    List<FollowUpRow> openFollowUps(UUID personId, Collection<FollowUpProgramme> programmes) {
        if (programmes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, programme, site_id, started_on, last_visit_on, next_visit_on, due_date, condition_code
                  from care.follow_up
                 where person_id = :person and status = 'ACTIVE' and programme = any(:programmes)
                 order by started_on desc
                """)
                .param("person", personId)
                .param("programmes", programmes.stream().map(Enum::name).toArray(String[]::new))
                .query(FollowUpRow.class)
                .list();
    }

    /** The due date written at the person's last signed antenatal visit that gave one. */
    @Nullable
    LocalDate lastDueDate(UUID personId, Collection<Compartment> compartments, String formCode, String field) {
        return jdbc.sql("""
                select (e.coded ->> :field)::date
                  from care.encounter e
                 where""" + SIGNED_IN + """
                   and e.form_code = :form and e.coded ->> :field ~ '^\\d{4}-\\d{2}-\\d{2}$'
                 order by e.occurred_on desc, e.created_at desc
                 limit 1
                """)
                .param("person", personId)
                .param("compartments", names(compartments))
                .param("form", formCode)
                .param("field", field)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    /** The day of the last signed consultation in each discipline. */
    List<ClinicalSummaryViews.LastConsultation> lastConsultations(UUID personId, Collection<Compartment> compartments) {
        return jdbc.sql("""
                select e.discipline, max(e.occurred_on) as occurred_on
                  from care.encounter e
                 where""" + SIGNED_IN + """
                 group by e.discipline
                 order by occurred_on desc, e.discipline
                """)
                .param("person", personId)
                .param("compartments", names(compartments))
                .query(ClinicalSummaryViews.LastConsultation.class)
                .list();
    }

    /** The diagnosis codes of these consultations, in each one's order. */
    List<EncounterCode> diagnosisCodes(Collection<UUID> encounterIds) {
        if (encounterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select encounter_id, code from care.encounter_diagnosis
                 where encounter_id = any(?) order by encounter_id, position
                """)
                .param(encounterIds.toArray(UUID[]::new))
                .query(EncounterCode.class)
                .list();
    }

    private static String[] names(Collection<Compartment> compartments) {
        return compartments.stream().map(Enum::name).toArray(String[]::new);
    }
}
