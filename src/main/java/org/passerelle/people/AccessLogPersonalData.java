package org.passerelle.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.access.UserAccount;
import org.passerelle.access.UserAccounts;
import org.passerelle.audit.AuditEntry;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalData.Table;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who opened, changed, exported the person's file and when: the audit lines about them, newest
 * first, last in the export (so this very export is in it).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccessLogPersonalData implements PersonalDataSource {

    /** High enough for any real file; a bound all the same, so that one export cannot exhaust memory. */
    static final int LIMIT = 100_000;

    private final AuditLog audit;
    private final UserAccounts users;

    AccessLogPersonalData(AuditLog audit, UserAccounts users) {
        this.audit = audit;
        this.users = users;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with(IdentityPersonalData.LABELS);
        List<AuditEntry> entries = audit.forRecord(personId, LIMIT);
        Map<UUID, String> displayNames = entries.isEmpty()
                ? Map.of()
                : users.all().stream().collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
        List<List<String>> rows = entries.stream()
                .map(entry -> List.of(t.dateTime(entry.occurredAt()), who(entry, displayNames), what(entry, t)))
                .toList();
        Table table = new Table(List.of(t.text("access.when"), t.text("access.who"), t.text("access.what")), rows);
        return List.of(Section.ofTable(t.text("access.title"), table, t.text("access.empty")));
    }

    private static String who(AuditEntry entry, Map<UUID, String> displayNames) {
        String displayName = entry.actorId() == null ? null : displayNames.get(entry.actorId());
        return displayName == null || displayName.equals(entry.actorName())
                ? entry.actorName()
                : displayName + " (" + entry.actorName() + ")";
    }

    private static String what(AuditEntry entry, PersonalDataTexts t) {
        String action = t.of("auditAction", entry.action());
        String recordType = entry.recordType();
        return recordType == null ? action : action + " · " + t.textOr("recordType." + recordType, recordType);
    }
}
