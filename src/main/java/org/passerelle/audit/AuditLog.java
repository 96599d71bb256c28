package org.passerelle.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.database.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records who did what to which record. Writes join the caller's transaction, so a change and its
 * audit line are committed together or not at all. Each line carries its MAC by the audit key; the
 * {@link AuditSealer} links it into the chain after the commit, so writers never wait for each other.
 */
@Service
public class AuditLog {

    private static final String SYSTEM = "system";
    private static final String DEVICE_ATTRIBUTE = AuditLog.class.getName() + ".device";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CurrentUsers currentUsers;
    private final AuditKey key;
    private final AuditSealer sealer;
    private final Clock clock;

    AuditLog(
            JdbcClient jdbc,
            DataSource dataSource,
            CurrentUsers currentUsers,
            AuditKey key,
            AuditSealer sealer,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.currentUsers = currentUsers;
        this.key = key;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Records an action of the current user on a record (or on no record, for a search). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String recordType, @Nullable UUID recordId) {
        CurrentUser user = currentUsers.current();
        insert(user.id(), user.username(), action, recordType, recordId, user.currentSiteId(), outcome());
    }

    /**
     * Says that the current request comes from a device (offline synchronisation): every line the
     * request writes for the user then names the device, as {@code SUCCESS device=<id>}.
     */
    public void attributeToDevice(UUID deviceId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(DEVICE_ATTRIBUTE, deviceId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String outcome() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object device =
                request == null ? null : request.getAttribute(DEVICE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return device instanceof UUID id ? "SUCCESS device=" + id : "SUCCESS";
    }

    /**
     * Records a change to the security of an account, by the acting user (an administrator, or the
     * user themself) or by the system when nobody is logged in (first start, demo data).
     */
    @Transactional
    public void recordAccountChange(UUID userId, String change) {
        Optional<CurrentUser> actor = currentUsers.currentIfAny();
        insert(
                actor.map(CurrentUser::id).orElse(null),
                actor.map(CurrentUser::username).orElse(SYSTEM),
                AuditAction.ACCOUNT_CHANGE,
                "user",
                userId,
                actor.map(CurrentUser::currentSiteId).orElse(null),
                change);
    }

    /**
     * Records one action of the current user on many records (a page of records a device pulls), one
     * line per record as {@link #record} writes it, in one stream rather than one statement per line.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(AuditAction action, String recordType, List<UUID> recordIds) {
        recordAllFor(currentUsers.current(), action, recordType, recordIds, outcome());
    }

    /**
     * Records what {@code user} did to many records at once, one line per record with {@code outcome}
     * (a bulk import: work that runs after the user's request, in the caller's transaction), written in
     * one stream rather than one statement per line.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllFor(
            CurrentUser user, AuditAction action, String recordType, List<UUID> recordIds, String outcome) {
        copy(user, action, recordType, recordIds.toArray(UUID[]::new), outcome);
    }

    /**
     * Records {@code count} searches of the current user at once, in the caller's transaction, as
     * {@link #record} writes a search (on no record) one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSearches(String recordType, int count) {
        copy(currentUsers.current(), AuditAction.SEARCH, recordType, new UUID[count], outcome());
    }

    /** One line per element of {@code recordIds} (a null element: on no record), written with {@code COPY}. */
    private void copy(CurrentUser user, AuditAction action, String recordType, UUID[] recordIds, String outcome) {
        if (recordIds.length == 0) {
            return;
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('audit.audit_event', 'id')) "
                        + "from generate_series(1, ?)")
                .param(recordIds.length)
                .query(Long.class)
                .list();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PostgresCopy rows = PostgresCopy.into(
                "audit.audit_event",
                "id",
                "occurred_at",
                "actor_id",
                "actor_name",
                "action",
                "record_type",
                "record_id",
                "site_id",
                "outcome",
                "mac");
        for (int i = 0; i < recordIds.length; i++) {
            SignedEntry entry = new SignedEntry(
                    ids.get(i),
                    now,
                    user.id(),
                    user.username(),
                    action.name(),
                    recordType,
                    recordIds[i],
                    user.currentSiteId(),
                    outcome);
            rows.value(ids.get(i))
                    .value(now.atOffset(ZoneOffset.UTC))
                    .value(user.id())
                    .value(user.username())
                    .value(action.name())
                    .value(recordType)
                    .value(recordIds[i])
                    .value(user.currentSiteId())
                    .value(outcome)
                    .value(key.mac(entry.encode()))
                    .endRow();
        }
        rows.execute(dataSource);
        wakeSealerAfterCommit();
    }

    /** Records one action of {@code user}, in the caller's transaction, for work that runs after their request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFor(
            CurrentUser user, AuditAction action, String recordType, @Nullable UUID recordId, String outcome) {
        insert(user.id(), user.username(), action, recordType, recordId, user.currentSiteId(), outcome);
    }

    /** Records an action outside a user request, such as a login attempt. */
    @Transactional
    public void recordSystem(@Nullable UUID actorId, String actorName, AuditAction action, String outcome) {
        insert(actorId, actorName, action, null, null, null, outcome);
    }

    /**
     * Records what the system did by itself, outside any user request (a retention purge): on a
     * type of record, and on one record when {@code recordId} is given.
     */
    @Transactional
    public void recordBySystem(AuditAction action, String recordType, @Nullable UUID recordId, String outcome) {
        insert(null, SYSTEM, action, recordType, recordId, null, outcome);
    }

    /**
     * After a restore from a backup replaced the whole log (the backup module's restore only): the
     * head checkpoint of the log replaced is forgotten, what the backup had not sealed yet is sealed,
     * and the restored head becomes the checkpoint.
     */
    public void adoptRestoredLog() {
        sealer.adoptRestoredLog();
    }

    /** Who did what to this record, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> forRecord(UUID recordId, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, action, record_type, record_id, site_id, outcome
                  from audit.audit_event where record_id = ? order by occurred_at desc, id desc limit ?
                """).params(recordId, limit).query(AuditEntry.class).list();
    }

    /** The latest entries of the whole log, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, action, record_type, record_id, site_id, outcome
                  from audit.audit_event order by id desc limit ?
                """).param(limit).query(AuditEntry.class).list();
    }

    private void insert(
            @Nullable UUID actorId,
            String actorName,
            AuditAction action,
            @Nullable String recordType,
            @Nullable UUID recordId,
            @Nullable UUID siteId,
            String outcome) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('audit.audit_event', 'id'))")
                .query(Long.class)
                .single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SignedEntry entry =
                new SignedEntry(id, now, actorId, actorName, action.name(), recordType, recordId, siteId, outcome);
        jdbc.sql("""
                insert into audit.audit_event (id, occurred_at, actor_id, actor_name, action, record_type, record_id,
                                               site_id, outcome, mac)
                overriding system value
                values (:id, :at, :actor, :actorName, :action, :recordType, :recordId, :site, :outcome, :mac)
                """)
                .param("id", id)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("actor", actorId)
                .param("actorName", actorName)
                .param("action", action.name())
                .param("recordType", recordType)
                .param("recordId", recordId)
                .param("site", siteId)
                .param("outcome", outcome)
                .param("mac", key.mac(entry.encode()))
                .update();
        wakeSealerAfterCommit();
    }

    private void wakeSealerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.wake();
                }
            });
        }
    }
}
