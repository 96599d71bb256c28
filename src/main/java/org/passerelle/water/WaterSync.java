package org.passerelle.water;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.water.WaterViews.NewWaterReading;
import org.passerelle.water.WaterViews.WaterReading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Water points and readings as devices hold them: a reading taken offline is pushed through {@link
 * Readings#record} (the same physical limits, range and audit line as online, written once under
 * its id); the devices of the users who take readings pull the points and readings of their sites.
 * Points are set up online.
 */
@Configuration(proxyBeanMethods = false)
class WaterSync {

    static final String POINT_RECORD_TYPE = "water-point";
    static final Set<String> READING_FIELDS = Set.of("pointId", "measuredAt", "chlorine", "turbidity", "volumeLitres");

    /** A reading as devices pull it: the reading and the site of its point. */
    record SyncedReading(WaterReading reading, UUID siteId) {}

    @Bean
    @Order(23)
    SyncedRecords waterReadingSync(
            Readings readings,
            ReadingRepository repository,
            CreatedRecords created,
            CurrentUsers users,
            JsonMapper json) {
        return new SyncedRecords() {
            @Override
            public String recordType() {
                return Readings.RECORD_TYPE;
            }

            @Override
            public Applied apply(Mutation mutation) {
                WaterReading taken = readings.record(created.read(
                        mutation, READING_FIELDS, Map.of("id", mutation.recordId()), NewWaterReading.class));
                return Applied.applied(1, false, taken.id());
            }

            @Override
            public ChangePage changesSince(Position after, int limit) {
                List<ReadingRepository.Held> rows = repository.changedSince(after, limit);
                CurrentUser user = users.current();
                List<SyncedChange> changes = new ArrayList<>();
                for (ReadingRepository.Held row : rows) {
                    if (takesReadingsAt(user, row.siteId())) {
                        UUID id = row.reading().id();
                        changes.add(
                                row.removed()
                                        ? SyncedChange.erased(recordType(), id)
                                        : SyncedChange.upsert(
                                                recordType(),
                                                id,
                                                row.version(),
                                                json.valueToTree(new SyncedReading(row.reading(), row.siteId()))));
                    }
                }
                return SettledChanges.page(rows, changes, after, limit);
            }

            @Override
            public long resolve(UUID recordId, String field, JsonNode value) {
                throw SyncProblems.unknownField(field);
            }
        };
    }

    @Bean
    @Order(22)
    SyncedRecords waterPointSync(PointRepository repository, CurrentUsers users, JsonMapper json) {
        return new SyncedRecords() {
            @Override
            public String recordType() {
                return POINT_RECORD_TYPE;
            }

            @Override
            public Applied apply(Mutation mutation) {
                throw SyncProblems.malformed("recordType");
            }

            @Override
            public ChangePage changesSince(Position after, int limit) {
                List<PointRepository.Held> rows = repository.changedSince(after, limit);
                CurrentUser user = users.current();
                List<SyncedChange> changes = new ArrayList<>();
                for (PointRepository.Held row : rows) {
                    if (takesReadingsAt(user, row.point().siteId())) {
                        UUID id = row.point().id();
                        changes.add(
                                row.removed()
                                        ? SyncedChange.erased(recordType(), id)
                                        : SyncedChange.upsert(
                                                recordType(),
                                                id,
                                                row.point().version(),
                                                json.valueToTree(row.point())));
                    }
                }
                return SettledChanges.page(rows, changes, after, limit);
            }

            @Override
            public long resolve(UUID recordId, String field, JsonNode value) {
                throw SyncProblems.unknownField(field);
            }
        };
    }

    private static boolean takesReadingsAt(CurrentUser user, UUID siteId) {
        return Readings.READERS.stream().anyMatch(user::hasRole) && user.mayWorkAt(siteId);
    }
}
