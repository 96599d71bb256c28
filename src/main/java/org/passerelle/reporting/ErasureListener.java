package org.passerelle.reporting;

import java.util.UUID;
import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps an erased person's part in the figures, without them. Before the care module deletes
 * their consultations (same transaction, hence first in order), the person's facts are brought up
 * to date (whatever the background work has not counted yet), then the
 * person's id is replaced in the facts by a fresh random key: counts already reported (people
 * reached, consultations, registrations) stay the same, and nothing in reporting points to the
 * person any more.
 */
@Component
class ErasureListener {

    private final FactRefresher refresher;
    private final JdbcClient jdbc;

    ErasureListener(FactRefresher refresher, JdbcClient jdbc) {
        this.refresher = refresher;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(PersonErased erased) {
        refresher.refreshPerson(erased.personId());
        UUID anonymous = UUID.randomUUID();
        jdbc.sql("update reporting.encounter_fact set person_key = ? where person_key = ?")
                .params(anonymous, erased.personId())
                .update();
        jdbc.sql("update reporting.person_year set person_key = ? where person_key = ?")
                .params(anonymous, erased.personId())
                .update();
        jdbc.sql("update reporting.registration_fact set person_key = ? where person_key = ?")
                .params(anonymous, erased.personId())
                .update();
    }
}
