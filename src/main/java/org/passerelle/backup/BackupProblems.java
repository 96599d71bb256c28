package org.passerelle.backup;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures the backup API reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. The codes a
 * failed backup leaves in the overview ({@link BackupException#code()}, and {@link #WRITE_FAILED})
 * have theirs too, so that the administration screen can say what went wrong in the reader's language.
 */
public final class BackupProblems {

    /** A backup is being made already: asking for another one now changes nothing. */
    public static final String IN_PROGRESS = "backup-in-progress";

    /** The backup could not be written (the directory missing or not writable, the disk full). */
    public static final String WRITE_FAILED = "backup-write-failed";

    /** The backup was written but did not read back whole. */
    public static final String CORRUPTED = "backup-corrupted";

    private BackupProblems() {}

    static DomainException inProgress() {
        return DomainException.conflict(IN_PROGRESS);
    }
}
