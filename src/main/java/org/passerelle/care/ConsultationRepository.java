package org.passerelle.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.CareViews.NewConsultation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsultationRepository {

    private static final String SELECT = """
            select id, person_id, site_id, discipline, occurred_on, provider_id, provider_name, note, diagnosis,
                   interpreter, language, created_at
              from care.encounter
            """;

    record Count(UUID siteId, Discipline discipline, long consultations) {}

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, NewConsultation command, LocalDate occurredOn, UUID siteId, CurrentUser provider) {
        jdbc.sql("""
                insert into care.encounter (id, person_id, site_id, discipline, occurred_on, provider_id, provider_name,
                    note, diagnosis, interpreter, language, created_by, updated_by)
                values (:id, :person, :site, :discipline, :occurredOn, :provider, :providerName, :note, :diagnosis,
                    :interpreter, :language, :provider, :provider)
                """)
                .param("id", id)
                .param("person", command.personId())
                .param("site", siteId)
                .param("discipline", command.discipline().name())
                .param("occurredOn", occurredOn)
                .param("provider", provider.id())
                .param("providerName", provider.displayName())
                .param("note", blankToNull(command.note()))
                .param("diagnosis", blankToNull(command.diagnosis()))
                .param("interpreter", command.interpreter())
                .param("language", command.language())
                .update();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists(select 1 from care.encounter where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    Optional<Consultation> findById(UUID id) {
        return jdbc.sql(SELECT + " where id = ? and deleted_at is null")
                .param(id)
                .query(Consultation.class)
                .optional();
    }

    List<Consultation> findByPerson(UUID personId) {
        return jdbc.sql(SELECT
                        + " where person_id = ? and deleted_at is null order by occurred_on desc, created_at desc")
                .param(personId)
                .query(Consultation.class)
                .list();
    }

    List<Count> countBySiteAndDiscipline(YearMonth month, Collection<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select site_id, discipline, count(*) as consultations
                  from care.encounter
                 where site_id = any(?) and occurred_on >= ? and occurred_on < ? and deleted_at is null
                 group by site_id, discipline
                 order by site_id, discipline
                """)
                .params(
                        siteIds.toArray(UUID[]::new),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1))
                .query(Count.class)
                .list();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
