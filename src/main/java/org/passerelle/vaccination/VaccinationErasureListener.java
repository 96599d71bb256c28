package org.passerelle.vaccination;

import java.util.UUID;
import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Unlinks an erased person's doses in the transaction that erases them: a random key takes the
 * place of the person's id and the lot is forgotten, so that the campaign's coverage and the doses
 * already reported stay (the person's sex and age group become unknown) and nothing points to the
 * person any more.
 */
@Component
class VaccinationErasureListener {

    private final JdbcClient jdbc;

    VaccinationErasureListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonErased erased) {
        jdbc.sql("""
                        update vaccination.dose
                           set person_id = :key, lot = null, merged_from = null, version = version + 1, updated_at = now(),
                               change_seq = nextval('vaccination.dose_change_seq')
                         where person_id = :person
                        """)
                .param("key", UUID.randomUUID())
                .param("person", erased.personId())
                .update();
        jdbc.sql("update vaccination.dose set merged_from = null where merged_from = ?")
                .param(erased.personId())
                .update();
    }
}
