package org.passerelle.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner directory on every carer's device, so that a referral made offline picks its
 * destination from it (closed services included, shown as closed). Coordinators change the
 * directory online only: a device's change to it is refused. Holds nobody's personal data.
 */
@Component
@Order(29)
class DirectorySync implements SyncedRecords {

    private final DirectoryRepository services;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DirectorySync(DirectoryRepository services, CurrentUsers currentUsers, JdbcClient jdbc, JsonMapper json) {
        this.services = services;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Directory.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        throw DomainException.roleNotAllowed();
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "referrals.partner_service", "true", after, limit);
        List<SyncedChange> page = new ArrayList<>();
        if (currentUsers.current().caresForPeople()) {
            for (ChangedRow row : rows) {
                PartnerService service = services.find(row.id()).orElse(null);
                page.add(
                        service == null
                                ? SyncedChange.erased(recordType(), row.id())
                                : SyncedChange.upsert(
                                        recordType(), row.id(), service.version(), json.valueToTree(service)));
            }
        }
        return SettledChanges.page(rows, page, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
