package org.passerelle.people;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.database.WriteAheadLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Destroys erased persons' keys once the erasing transaction is committed (crypto-shredding), then
 * pushes the deleted keys and rows out of the write-ahead log, once per transaction however many
 * persons it erased (a retention purge erases many). Older copies of the vault and of the data are
 * reached by the next rotation of the key epochs ({@link KeyRotation}).
 */
@Component
class KeyShredding {

    private final SubjectKeys keys;
    private final WriteAheadLog wal;

    KeyShredding(SubjectKeys keys, WriteAheadLog wal) {
        this.keys = keys;
        this.wal = wal;
    }

    /** Destroys the person's key after the current transaction commits. */
    void destroyAfterCommit(UUID personId) {
        @SuppressWarnings("unchecked")
        Set<UUID> erased = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
        if (erased == null) {
            erased = newErasures();
        }
        erased.add(personId);
    }

    private Set<UUID> newErasures() {
        Set<UUID> erased = new LinkedHashSet<>();
        Object resource = this;
        TransactionSynchronizationManager.bindResource(resource, erased);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                erased.forEach(keys::destroy);
                wal.flush();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(resource);
            }
        });
        return erased;
    }
}
