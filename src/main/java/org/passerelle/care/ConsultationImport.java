package org.passerelle.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.database.PostgresCopy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many signed consultations at once for trusted loaders: demo data, benchmarks and
 * migrations from spreadsheets. It is not reachable over HTTP, checks no user or role and writes
 * nothing to the audit log; the caller vouches that the persons, sites and providers exist and
 * records that it loaded them. Rows are written with PostgreSQL {@code COPY}, one transaction per
 * batch; batches of tens of thousands of consultations work well.
 */
@Service
public class ConsultationImport {

    /**
     * A consultation to load, as {@link Consultations#record} would have stored it.
     *
     * @param providerName the provider's display name as it should appear in histories
     * @param language the language of the consultation, an ISO 639 code
     * @param createdAt when it was written; also the record's last update
     * @param personId the person seen, or none for an anonymous group session
     * @param formCode the form it was recorded with
     * @param compartment where it lives: the discipline's own compartment, or SGBV
     * @param coded the structured answers as a JSON object, by field code
     * @param attendees how many attended a group session; none for a person's consultation
     */
    public record ImportedConsultation(
            UUID id,
            @Nullable UUID personId,
            UUID siteId,
            Discipline discipline,
            LocalDate occurredOn,
            UUID providerId,
            String providerName,
            @Nullable String note,
            @Nullable String diagnosis,
            boolean interpreter,
            @Nullable String language,
            Instant createdAt,
            String formCode,
            Compartment compartment,
            String coded,
            @Nullable Integer attendees) {

        /** A person's consultation with the built-in form of its discipline and no structured answer. */
        public ImportedConsultation(
                UUID id,
                UUID personId,
                UUID siteId,
                Discipline discipline,
                LocalDate occurredOn,
                UUID providerId,
                String providerName,
                @Nullable String note,
                @Nullable String diagnosis,
                boolean interpreter,
                @Nullable String language,
                Instant createdAt) {
            this(
                    id,
                    personId,
                    siteId,
                    discipline,
                    occurredOn,
                    providerId,
                    providerName,
                    note,
                    diagnosis,
                    interpreter,
                    language,
                    createdAt,
                    discipline.formCode(),
                    discipline.compartment(),
                    "{}",
                    null);
        }

        public ImportedConsultation {
            if ((personId == null) == (attendees == null)) {
                throw new IllegalArgumentException("a consultation has a person or, for a group session, attendees");
            }
            if (!discipline.allows(compartment)) {
                throw new IllegalArgumentException("compartment not allowed for the discipline");
            }
        }
    }

    private final DataSource dataSource;
    private final SubjectKeys keys;
    private final PersonAccess access;

    ConsultationImport(DataSource dataSource, SubjectKeys keys, PersonAccess access) {
        this.access = access;
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /**
     * Writes a batch of consultations in one transaction.
     *
     * @return the number of consultations written
     */
    @Transactional
    public int importBatch(List<ImportedConsultation> consultations) {
        PostgresCopy rows = PostgresCopy.into(
                "care.encounter",
                "id",
                "person_id",
                "site_id",
                "discipline",
                "compartment",
                "occurred_on",
                "provider_id",
                "provider_name",
                "note",
                "diagnosis",
                "interpreter",
                "language",
                "created_at",
                "updated_at",
                "created_by",
                "updated_by",
                "form_code",
                "form_version",
                "signed_at",
                "signed_by",
                "coded",
                "attendees");
        for (ImportedConsultation consultation : consultations) {
            String note = blankToNull(consultation.note());
            String diagnosis = blankToNull(consultation.diagnosis());
            UUID personId = consultation.personId();
            // group sessions hold no free text about anyone; a key is fetched only for text to seal
            @Nullable
            DataKey key = personId == null || (note == null && diagnosis == null) ? null : keys.keyFor(personId);
            rows.value(consultation.id())
                    .value(consultation.personId())
                    .value(consultation.siteId())
                    .value(consultation.discipline().name())
                    .value(consultation.compartment().name())
                    .value(consultation.occurredOn())
                    .value(consultation.providerId())
                    .value(consultation.providerName())
                    .value(key == null ? null : key.sealNullable(ConsultationRepository.NOTE, note))
                    .value(key == null ? null : key.sealNullable(ConsultationRepository.DIAGNOSIS, diagnosis))
                    .value(consultation.interpreter())
                    .value(consultation.language())
                    .value(consultation.createdAt())
                    .value(consultation.createdAt())
                    .value(consultation.providerId())
                    .value(consultation.providerId())
                    .value(consultation.formCode())
                    .value(1)
                    .value(consultation.createdAt())
                    .value(consultation.providerId())
                    .value(consultation.coded())
                    .value(consultation.attendees())
                    .endRow();
        }
        int written = Math.toIntExact(rows.execute(dataSource));
        access.recordContacts(consultations.stream()
                .filter(consultation -> consultation.personId() != null)
                .map(consultation -> new PersonAccess.Contact(
                        Objects.requireNonNull(consultation.personId()),
                        consultation.siteId(),
                        consultation.occurredOn()))
                .toList());
        return written;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
