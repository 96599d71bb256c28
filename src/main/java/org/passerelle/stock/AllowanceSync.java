package org.passerelle.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.devices.DeviceViews.Device;
import org.passerelle.devices.Devices;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.stock.AllowanceRepository.Row;
import org.passerelle.stock.StockViews.Allowance;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The allowances devices pull: each device of the user learns what is set aside for it, lot by lot,
 * at every change (a grant, a release, a distribution or dispensing pushed from it). Devices never
 * change an allowance through a push: they hand goods out of it ({@link DistributionSync}, {@link
 * DispensingSync}), and the server keeps the count.
 */
@Component
@Order(10)
class AllowanceSync implements SyncedRecords {

    static final String RECORD_TYPE = "stock-allowance";

    private final AllowanceRepository repository;
    private final Allowances allowances;
    private final Devices devices;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;

    AllowanceSync(
            AllowanceRepository repository,
            Allowances allowances,
            Devices devices,
            CurrentUsers currentUsers,
            JsonMapper json) {
        this.repository = repository;
        this.allowances = allowances;
        this.devices = devices;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        throw SyncProblems.malformed("recordType");
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = repository.changedSince(after, limit);
        CurrentUser user = currentUsers.current();
        Set<UUID> mine = devices.mine().stream().map(Device::id).collect(Collectors.toSet());
        List<Row> held = repository.findAll(rows.stream().map(ChangedRow::id).toList()).stream()
                .filter(row -> mine.contains(row.deviceId()) && user.mayWorkAt(row.siteId()))
                .toList();
        Map<UUID, Allowance> found = new HashMap<>();
        allowances.withLots(held).forEach(allowance -> found.put(allowance.id(), allowance));
        List<SyncedChange> changes = new ArrayList<>();
        for (ChangedRow row : rows) {
            Allowance allowance = found.get(row.id());
            if (allowance != null) {
                changes.add(SyncedChange.upsert(
                        RECORD_TYPE, allowance.id(), allowance.version(), json.valueToTree(allowance)));
            }
        }
        return SettledChanges.page(rows, changes, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
