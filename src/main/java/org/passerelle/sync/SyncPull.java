package org.passerelle.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.devices.Devices;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.sync.SyncViews.PullAnswer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of the changes a device may hold, from every record type in turn, after its cursor; each
 * record served is audited as read, with the device.
 */
@Service
@Transactional
public class SyncPull {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private final SyncedTypes types;
    private final CurrentUsers currentUsers;
    private final Devices devices;
    private final AuditLog audit;

    SyncPull(SyncedTypes types, CurrentUsers currentUsers, Devices devices, AuditLog audit) {
        this.types = types;
        this.currentUsers = currentUsers;
        this.devices = devices;
        this.audit = audit;
    }

    /**
     * The changes after {@code cursorText} (from the start when none), at most {@code limit}, for an
     * enrolled device of the signed-in user ({@code device-revoked} otherwise).
     */
    public PullAnswer pull(@Nullable String cursorText, @Nullable Integer limit, @Nullable UUID deviceId) {
        CurrentUser user = SyncService.requireCarer(currentUsers.current());
        UUID device = SyncService.requireEnrolled(devices, deviceId, user);
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw DomainException.outOfRange("limit");
        }
        audit.attributeToDevice(device);
        Cursor cursor = Cursor.parse(cursorText);
        List<SyncedChange> changes = new ArrayList<>();
        boolean more = false;
        for (SyncedRecords records : types.inPullOrder()) {
            if (changes.size() >= max) {
                more = true;
                break;
            }
            ChangePage page = records.changesSince(cursor.at(records.recordType()), max - changes.size());
            changes.addAll(page.changes());
            cursor = cursor.with(records.recordType(), page.next());
            if (page.more()) {
                more = true;
                break;
            }
        }
        Map<String, List<UUID>> served = new LinkedHashMap<>();
        changes.stream()
                .filter(change -> change.change() != SyncedChange.Kind.ERASED)
                .forEach(change -> served.computeIfAbsent(change.recordType(), type -> new ArrayList<>())
                        .add(change.recordId()));
        // one audit line per record served, written in one stream per record type
        served.forEach((type, ids) -> audit.recordAll(AuditAction.READ, type, ids));
        return new PullAnswer(changes, cursor.encode(), more, scope(user));
    }

    /** A fingerprint of what the user may hold: their sites and compartments. */
    static String scope(CurrentUser user) {
        StringBuilder text = new StringBuilder(user.allSites() ? "all" : "sites");
        new TreeSet<>(user.siteIds().stream().map(UUID::toString).toList())
                .forEach(id -> text.append(',').append(id));
        new TreeSet<>(user.compartments().stream().map(Enum::name).toList())
                .forEach(c -> text.append(';').append(c));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
