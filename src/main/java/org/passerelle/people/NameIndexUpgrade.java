package org.passerelle.people;

import org.passerelle.platform.crypto.BlindIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes every person again, once the server is up, when the name index's entries changed since
 * they were written ({@link #VERSION} above the version recorded): under each index key entries are
 * written with, through the {@link IndexRebuild} a rotation of the index key uses, and never during
 * a rotation. Searches go on meanwhile and find the persons not yet indexed again as before.
 */
@Component
@ConditionalOnWebApplication
class NameIndexUpgrade {

    /**
     * 2: the phonetic and variant keys of every name token ({@link NameIndex}); 3: di/dy before a
     * vowel keyed as j, abdi/abdou joined to a name of God, glued filiation particles dropped and
     * Ethiopian compounds and abbreviations joined.
     */
    static final int VERSION = 3;

    private static final Logger log = LoggerFactory.getLogger(NameIndexUpgrade.class);

    private final JdbcClient jdbc;
    private final BlindIndex index;
    private final IndexRebuild rebuild;
    private final KeyRotation rotation;

    NameIndexUpgrade(JdbcClient jdbc, BlindIndex index, IndexRebuild rebuild, KeyRotation rotation) {
        this.jdbc = jdbc;
        this.index = index;
        this.rebuild = rebuild;
        this.rotation = rotation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgrade() {
        if (recordedVersion() < VERSION) {
            rotation.runBetweenRotations(this::indexAgain);
        }
    }

    private void indexAgain() {
        int indexed = 0;
        for (BlindIndex.Key key : index.writeKeys()) {
            indexed = rebuild.indexAll(key);
        }
        jdbc.sql("update people.name_index_version set version = ?")
                .param(VERSION)
                .update();
        log.info("Names of {} persons indexed again (name index version {})", indexed, VERSION);
    }

    int recordedVersion() {
        return jdbc.sql("select max(version) from people.name_index_version")
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
