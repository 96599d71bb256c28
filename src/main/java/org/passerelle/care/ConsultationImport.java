package org.passerelle.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
     */
    public record ImportedConsultation(
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
            Instant createdAt) {}

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
                "signed_by");
        for (ImportedConsultation consultation : consultations) {
            DataKey key = keys.keyFor(consultation.personId());
            rows.value(consultation.id())
                    .value(consultation.personId())
                    .value(consultation.siteId())
                    .value(consultation.discipline().name())
                    .value(consultation.discipline().compartment().name())
                    .value(consultation.occurredOn())
                    .value(consultation.providerId())
                    .value(consultation.providerName())
                    .value(key.sealNullable(ConsultationRepository.NOTE, blankToNull(consultation.note())))
                    .value(key.sealNullable(ConsultationRepository.DIAGNOSIS, blankToNull(consultation.diagnosis())))
                    .value(consultation.interpreter())
                    .value(consultation.language())
                    .value(consultation.createdAt())
                    .value(consultation.createdAt())
                    .value(consultation.providerId())
                    .value(consultation.providerId())
                    .value(consultation.discipline().formCode())
                    .value(1)
                    .value(consultation.createdAt())
                    .value(consultation.providerId())
                    .endRow();
        }
        int written = Math.toIntExact(rows.execute(dataSource));
        access.recordContacts(consultations.stream()
                .map(consultation -> new PersonAccess.Contact(
                        consultation.personId(), consultation.siteId(), consultation.occurredOn()))
                .toList());
        return written;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
