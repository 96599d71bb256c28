package org.passerelle.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.retention.RetentionViews.Outcome;
import org.passerelle.retention.RetentionViews.PurgeResult;
import org.passerelle.retention.RetentionViews.Purged;
import org.passerelle.retention.RetentionViews.Report;
import org.passerelle.retention.RetentionViews.ReportLine;
import org.passerelle.retention.RetentionViews.Rule;
import org.passerelle.retention.RetentionViews.RuleChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps records no longer than their retention rule says: reports what a purge would remove now,
 * purges (by the daily job, or by an administrator at once) and changes the rules. The record types
 * are every {@link RetainedRecords} bean of the application; a type without a stored rule is kept
 * for its default period.
 */
@Service
public class Retention {

    static final String RULE_RECORD_TYPE = "retention-rule";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<RetainedRecords> recordTypes;
    private final RuleRepository rules;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final Clock clock;

    Retention(
            List<RetainedRecords> recordTypes,
            RuleRepository rules,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            Clock clock) {
        this.recordTypes = recordTypes.stream()
                .sorted(Comparator.comparing(RetainedRecords::recordType))
                .toList();
        this.rules = rules;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.clock = clock;
    }

    /** The dry run, for administrators and data officers: counts only, nothing changes. */
    @Transactional(readOnly = true)
    public Report report() {
        requireRole(Role.ADMINISTRATOR, Role.DATA_OFFICER);
        Instant now = clock.instant();
        Map<String, RuleRepository.StoredRule> stored = rules.all();
        List<ReportLine> lines = new ArrayList<>();
        for (RetainedRecords type : recordTypes) {
            Rule rule = rule(type, stored);
            Instant cutoff = cutoff(now, rule.months(), clock.getZone());
            ExpiredRecords expired = type.countExpired(cutoff);
            lines.add(new ReportLine(rule, cutoff, expired.count(), expired.oldest()));
        }
        return new Report(now, lines);
    }

    /** Changes a rule; refuses, changing nothing, when someone else changed it since {@code change.version()}. */
    @Transactional
    public Rule changeRule(String recordType, RuleChange change) {
        CurrentUser user = requireRole(Role.ADMINISTRATOR);
        RetainedRecords type = recordTypes.stream()
                .filter(candidate -> candidate.recordType().equals(recordType))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RULE_RECORD_TYPE));
        RuleRepository.StoredRule current = rules.all().get(recordType);
        boolean saved;
        UUID ruleId;
        if (current == null) {
            ruleId = Ids.newId();
            saved = change.version() == 0
                    && rules.insert(ruleId, recordType, change.months(), change.enabled(), user.id());
        } else {
            ruleId = current.id();
            saved = rules.update(ruleId, change.months(), change.enabled(), change.version(), user.id());
        }
        if (!saved) {
            throw DomainException.staleVersion(current == null ? 0 : current.version());
        }
        audit.record(AuditAction.UPDATE, RULE_RECORD_TYPE, ruleId);
        return rule(type, rules.all());
    }

    /**
     * Purges now, for an administrator who confirmed who they are in the last few minutes; the same
     * purge as the daily job's.
     */
    public PurgeResult purgeNow() {
        CurrentUser user = requireRole(Role.ADMINISTRATOR);
        reauthentication.requireRecent();
        audit.recordSystem(user.id(), user.username(), AuditAction.DELETE, "RETENTION_PURGE_REQUESTED");
        return purge();
    }

    /**
     * Removes, for every record type whose rule is enabled, the records older than the rule's
     * cutoff, and writes one audit line per type with how many went. Each type purges in
     * transactions of its own, batch by batch; a type that fails does not stop the others.
     */
    public PurgeResult purge() {
        Instant now = clock.instant();
        Map<String, RuleRepository.StoredRule> stored = rules.all();
        List<Purged> purged = new ArrayList<>();
        for (RetainedRecords type : recordTypes) {
            Rule rule = rule(type, stored);
            if (!rule.enabled()) {
                purged.add(new Purged(type.recordType(), Outcome.DISABLED, null, 0));
                continue;
            }
            Instant cutoff = cutoff(now, rule.months(), clock.getZone());
            purged.add(purge(type, cutoff));
        }
        return new PurgeResult(now, purged);
    }

    private Purged purge(RetainedRecords type, Instant cutoff) {
        try {
            long removed = type.purgeExpired(cutoff);
            audit.recordBySystem(AuditAction.DELETE, type.recordType(), null, "RETENTION_PURGED:" + removed);
            log.info("Retention purge of {}: {} records older than {} removed", type.recordType(), removed, cutoff);
            return new Purged(type.recordType(), Outcome.PURGED, cutoff, removed);
        } catch (RuntimeException e) {
            audit.recordBySystem(AuditAction.DELETE, type.recordType(), null, "RETENTION_FAILED");
            log.error(
                    "Retention purge of {} failed: {}",
                    type.recordType(),
                    e.getClass().getSimpleName());
            return new Purged(type.recordType(), Outcome.FAILED, cutoff, 0);
        }
    }

    private static Rule rule(RetainedRecords type, Map<String, RuleRepository.StoredRule> stored) {
        RuleRepository.StoredRule rule = stored.get(type.recordType());
        return rule == null
                ? new Rule(type.recordType(), type.defaultMonths(), true, 0, type.defaultMonths())
                : new Rule(type.recordType(), rule.months(), rule.enabled(), rule.version(), type.defaultMonths());
    }

    /** So many months before now, counted in the teams' calendar. */
    static Instant cutoff(Instant now, int months, ZoneId zone) {
        return now.atZone(zone).minusMonths(months).toInstant();
    }

    private CurrentUser requireRole(Role... roles) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(roles)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
