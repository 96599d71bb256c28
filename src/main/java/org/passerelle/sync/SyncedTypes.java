package org.passerelle.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.stereotype.Component;

/** Every record type a module declares, in the order of their {@code @Order} (the order of a pull). */
@Component
class SyncedTypes {

    private final Map<String, SyncedRecords> byType = new LinkedHashMap<>();

    SyncedTypes(List<SyncedRecords> records) {
        records.forEach(type -> byType.put(type.recordType(), type));
    }

    SyncedRecords of(String recordType) {
        SyncedRecords records = byType.get(recordType);
        if (records == null) {
            throw SyncProblems.unknownRecordType();
        }
        return records;
    }

    Iterable<SyncedRecords> inPullOrder() {
        return byType.values();
    }
}
