package org.passerelle.people;

/**
 * Published when a rotation of the key epochs has finished: copies made before it (backups among
 * them) can no longer be read, so a new backup is due. {@code epoch} is the one now in use.
 */
public record KeyEpochsRotated(int epoch) {}
