package org.passerelle.backup;

/**
 * A backup that cannot be made, read or restored, with a stable code and a message an operator
 * can act on. Nothing is written or overwritten when one is thrown.
 */
public class BackupException extends RuntimeException {

    private final String code;

    private BackupException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable code: backup-corrupted, backup-newer-format, backup-epoch-destroyed, ... */
    public String code() {
        return code;
    }

    static BackupException notABackup() {
        return new BackupException("backup-unknown-file", "This file is not a Passerelle backup.");
    }

    static BackupException corrupted(String what) {
        return new BackupException(
                "backup-corrupted", "This backup is damaged (" + what + "): it cannot be restored. Use another one.");
    }

    static BackupException truncated() {
        return new BackupException(
                "backup-corrupted", "This backup is cut short (truncated): it cannot be restored. Use another one.");
    }

    static BackupException newerFormat(int version, int supported) {
        return new BackupException(
                "backup-newer-format",
                "This backup is in format " + version + ", newer than the " + supported
                        + " this version of Passerelle reads: restore it with the version that made it, or a newer one.");
    }

    static BackupException epochDestroyed(int epoch) {
        return new BackupException(
                "backup-epoch-destroyed",
                "The key epoch " + epoch + " of this backup is not among the keys given (destroyed by a key rotation, "
                        + "or the wrong key directory): this backup can no longer be read.");
    }

    static BackupException wrongKey() {
        return new BackupException(
                "backup-wrong-key",
                "This backup does not open with the keys given (another installation's keys, or another master key).");
    }

    static BackupException otherVersion(String made, String current) {
        return new BackupException(
                "backup-other-version",
                "This backup was made with other migrations (" + made + ") than this version of Passerelle has ("
                        + current + "): restore it with the version of Passerelle that made it, then upgrade.");
    }

    static BackupException notEmpty(String directory) {
        return new BackupException(
                "backup-directory-not-empty",
                "The data directory " + directory + " is not empty: a backup is restored into a new, empty one only.");
    }

    static BackupException unreadable(String what) {
        return new BackupException("backup-unreadable", what);
    }
}
