package org.passerelle.platform.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What applying a mutation did.
 *
 * @param version the record's version after the mutation
 * @param merged whether the record had changed on the server since the device's base version (the
 *     changes applied on top of others)
 * @param conflicts the fields changed both on the server and on the device, to different values:
 *     the server's value was kept
 * @param amendedRevision the revision a signed record was amended into, when the change became an amendment
 * @param subjectId the person whose key seals what is kept about the record (its conflicts)
 */
public record Applied(
        long version,
        boolean merged,
        List<FieldConflict> conflicts,
        @Nullable Integer amendedRevision,
        UUID subjectId) {

    public Applied {
        conflicts = List.copyOf(conflicts);
    }

    /** Every change applied, on the version the device had or on a later one. */
    public static Applied applied(long version, boolean merged, UUID subjectId) {
        return new Applied(version, merged, List.of(), null, subjectId);
    }
}
