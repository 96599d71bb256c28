package org.passerelle.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.coding.Labels;

/**
 * What a carer sees of a person's care at a glance: allergies, problems, current treatments,
 * pregnancy, open follow-ups and the last consultation of each discipline — only from the
 * compartments the reader opens. Titles come in the three languages, so that a client switches
 * language without asking again.
 */
public final class ClinicalSummaryViews {

    private ClinicalSummaryViews() {}

    /**
     * A person's clinical summary.
     *
     * @param today the day the summary was worked out for, in the teams' time zone
     */
    public record ClinicalSummary(
            UUID personId,
            LocalDate today,
            Allergies allergies,
            List<Problem> problems,
            List<Treatment> treatments,
            @Nullable Pregnancy pregnancy,
            List<OpenFollowUp> followUps,
            List<LastConsultation> lastConsultations) {}

    /** What the forms say of allergies. */
    public enum AllergyStatus {
        /** No signed consultation asked, or none was answered. */
        NOT_RECORDED,
        /** Asked and answered: no allergy known. */
        NONE_KNOWN,
        /** At least one consultation recorded an allergy. */
        KNOWN
    }

    /**
     * Allergies as recorded.
     *
     * @param statedOn the day of the last consultation that answered
     * @param notes what was written, newest first, each text once
     */
    public record Allergies(AllergyStatus status, @Nullable LocalDate statedOn, List<AllergyNote> notes) {}

    public record AllergyNote(String text, LocalDate recordedOn) {}

    /**
     * A coded diagnosis of the person's signed consultations.
     *
     * @param firstSeen the first consultation that gave it; none for a chronic condition followed but
     *     not yet diagnosed in a consultation
     * @param timesSeen in how many consultations
     * @param chronic whether the person is followed for it in the chronic-disease programme
     */
    public record Problem(
            String code,
            Labels labels,
            @Nullable LocalDate firstSeen,
            @Nullable LocalDate lastSeen,
            int timesSeen,
            boolean chronic) {}

    /** A medicine's name: the INN in French (also shown in Arabic, as on boxes in France) and English. */
    public record MedicineName(String fr, String en) {}

    /**
     * A prescription line still running today.
     *
     * @param unitOne the dose unit's name for one, {@code unitOther} for more
     * @param startedOn the consultation's day, the first day of the course
     * @param lastDay the last day the course covers
     */
    public record Treatment(
            UUID encounterId,
            String medicineCode,
            MedicineName name,
            String strength,
            Labels form,
            Labels unitOne,
            Labels unitOther,
            BigDecimal morning,
            BigDecimal noon,
            BigDecimal evening,
            BigDecimal night,
            int days,
            LocalDate startedOn,
            LocalDate lastDay,
            @Nullable String instructions) {}

    /**
     * An open pregnancy follow-up.
     *
     * @param dueDate the expected date of delivery from the last antenatal data
     * @param weeks completed weeks of pregnancy today, with {@code days} over, when the due date is known
     */
    public record Pregnancy(
            LocalDate startedOn,
            @Nullable LocalDate dueDate,
            @Nullable Integer weeks,
            @Nullable Integer days,
            @Nullable LocalDate lastVisitOn,
            @Nullable LocalDate nextVisitOn) {}

    /** A follow-up programme the person is enrolled in and that is still open. */
    public record OpenFollowUp(
            UUID id,
            FollowUpProgramme programme,
            UUID siteId,
            LocalDate startedOn,
            @Nullable LocalDate lastVisitOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable String conditionCode) {}

    /** The day of the last signed consultation in one discipline. */
    public record LastConsultation(Discipline discipline, LocalDate occurredOn) {}

    /** A coded diagnosis of a consultation, with its title in the three languages. */
    public record CodedDiagnosis(String code, Labels labels) {}
}
