package org.passerelle.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.people.PersonViews.OtherName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the persons registered before the match index existed their match keys, a batch at a time,
 * once the server is up. A registry whose name index is at version 2 needs none: it was created with
 * it, or indexed again whole (name tokens and match keys) by the {@link NameIndexUpgrade}, and every
 * registration, correction, merge and import since wrote both. Looking for persons without keys
 * reads the whole registry (minutes at a million persons on a loaded machine), so it is not done at
 * every start.
 */
@Component
@ConditionalOnWebApplication
class MatchIndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(MatchIndexBackfill.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final PersonRepository persons;
    private final MatchIndex matchIndex;
    private final TransactionTemplate transactions;

    MatchIndexBackfill(
            JdbcClient jdbc, PersonRepository persons, MatchIndex matchIndex, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.matchIndex = matchIndex;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Integer version = jdbc.sql("select max(version) from people.name_index_version")
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (version != null && version >= NameIndexUpgrade.VERSION) {
            return;
        }
        // the smallest UUID as PostgreSQL orders them (byte by byte, unsigned), below every id
        UUID after = new UUID(0, 0);
        int indexed = 0;
        while (true) {
            List<UUID> batch =
                    jdbc.sql("""
                            select p.id from people.person p
                             where p.id > ? and p.deleted_at is null and p.merged_into is null
                               and not exists (select 1 from people.person_match_key k where k.person_id = p.id)
                             order by p.id
                             limit ?
                            """).params(after, BATCH).query(UUID.class).list();
            if (batch.isEmpty()) {
                break;
            }
            after = batch.getLast();
            Integer done = transactions.execute(status -> index(batch));
            indexed += done == null ? 0 : done;
        }
        if (indexed > 0) {
            log.info("Match keys computed for {} persons registered before the match index", indexed);
        }
    }

    private int index(List<UUID> ids) {
        List<PersonRepository.Row> rows = persons.findAllById(ids);
        Map<UUID, List<OtherName>> names = persons.otherNames(ids);
        for (PersonRepository.Row row : rows) {
            matchIndex.reindex(row.id(), persons.matchable(row, names.getOrDefault(row.id(), List.of())));
        }
        return rows.size();
    }
}
