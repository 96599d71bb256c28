package org.passerelle.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.crypto.BlindIndex;
import org.passerelle.platform.database.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes every person again under a new index key, while searches go on under the old one: each
 * batch of persons is locked against changes, their names opened with their keys, and their name
 * tokens and match keys written under the new key beside the old ones. Once searches use the new
 * key, the old entries are deleted.
 */
@Component
class IndexRebuild {

    private static final int BATCH = 1_000;
    private static final int DELETE_BATCH = 2_000;

    private final RegistryReader registry;
    private final NameIndex names;
    private final MatchIndex matches;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    IndexRebuild(
            RegistryReader registry,
            NameIndex names,
            MatchIndex matches,
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions) {
        this.registry = registry;
        this.names = names;
        this.matches = matches;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Writes every person's entries under {@code key}; returns how many persons were indexed. */
    int indexAll(BlindIndex.Key key) {
        @Nullable UUID after = null;
        int indexed = 0;
        while (true) {
            @Nullable UUID from = after;
            Optional<RegistryReader.Batch> next =
                    Objects.requireNonNull(transactions.execute(status -> Optional.ofNullable(indexBatch(from, key))));
            if (next.isEmpty()) {
                return indexed;
            }
            RegistryReader.Batch batch = next.get();
            after = batch.last();
            indexed += batch.entries().size();
        }
    }

    private RegistryReader.@Nullable Batch indexBatch(@Nullable UUID after, BlindIndex.Key key) {
        RegistryReader.Batch batch = registry.lockedBatch(after, BATCH);
        if (batch == null || batch.entries().isEmpty()) {
            return batch;
        }
        UUID[] ids = batch.entries().stream().map(RegistryReader.Entry::id).toArray(UUID[]::new);
        jdbc.sql("delete from people.person_token where person_id = any(?) and epoch = ?")
                .params(ids, key.epoch())
                .update();
        jdbc.sql("delete from people.person_match_key where person_id = any(?) and epoch = ?")
                .params(ids, key.epoch())
                .update();
        PostgresCopy tokens = PostgresCopy.into("people.person_token", "token", "person_id", "epoch");
        PostgresCopy matchKeys = PostgresCopy.into("people.person_match_key", "key", "person_id", "epoch");
        for (RegistryReader.Entry entry : batch.entries()) {
            for (NameIndex.IndexEntry token : names.entriesOf(entry.person().names(), key)) {
                tokens.value(token.hash()).value(entry.id()).value(key.epoch()).endRow();
            }
            for (NameIndex.IndexEntry match : matches.entriesOf(entry.person(), key)) {
                matchKeys
                        .value(match.hash())
                        .value(entry.id())
                        .value(key.epoch())
                        .endRow();
            }
        }
        tokens.execute(dataSource);
        matchKeys.execute(dataSource);
        return batch;
    }

    /**
     * Deletes the entries written under any other key than {@code epoch}'s, a batch of persons at a
     * time (through the index by person, so the cost grows with the registry, not its square).
     */
    void deleteOtherEpochs(int epoch) {
        UUID after = new UUID(0, 0); // the smallest in PostgreSQL, which compares uuids byte by byte
        while (true) {
            List<UUID> ids = jdbc.sql("select id from people.person where id > ? order by id limit ?")
                    .params(after, DELETE_BATCH)
                    .query(UUID.class)
                    .list();
            if (ids.isEmpty()) {
                return;
            }
            after = ids.getLast();
            UUID[] batch = ids.toArray(UUID[]::new);
            for (String table : List.of("people.person_token", "people.person_match_key")) {
                jdbc.sql("delete from " + table + " where person_id = any(?) and epoch <> ?")
                        .params(batch, epoch)
                        .update();
            }
        }
    }
}
