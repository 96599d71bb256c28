package org.passerelle.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.rights.RightsViews.Document;
import org.passerelle.rights.RightsViews.NewRightsStep;
import org.passerelle.rights.RightsViews.StepKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The steps of the rights files; notes stay sealed here. */
@Repository
class RightsRepository {

    /** A step as stored. */
    record Row(
            UUID id,
            UUID personId,
            UUID siteId,
            StepKind kind,
            LocalDate occurredOn,
            @Nullable LocalDate validUntil,
            @Nullable Integer declaredAge,
            @Nullable Integer assessedAge,
            List<Document> documents,
            @Nullable String helpedBy,
            byte @Nullable [] note,
            Instant recordedAt,
            String recordedBy,
            long version) {}

    private static final String COLUMNS = """
            id, person_id, site_id, kind, occurred_on, valid_until, declared_age, assessed_age, documents,
            helped_by, note, created_at, created_by_name, version""";

    private final JdbcClient jdbc;

    RightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(
            NewRightsStep step,
            UUID personId,
            UUID siteId,
            @Nullable LocalDate validUntil,
            byte @Nullable [] note,
            UUID by,
            String byName) {
        return jdbc.sql("""
                        insert into rights.rights_step (id, person_id, site_id, domain, kind, occurred_on, valid_until,
                               declared_age, assessed_age, documents, helped_by, note, created_by, created_by_name)
                        values (:id, :person, :site, :domain, :kind, :on, :until, :declared, :assessed, :documents,
                                :helpedBy, :note, :by, :byName)
                        on conflict (id) do nothing
                        """)
                        .param("id", step.id())
                        .param("person", personId)
                        .param("site", siteId)
                        .param("domain", step.kind().domain().name())
                        .param("kind", step.kind().name())
                        .param("on", step.occurredOn())
                        .param("until", validUntil)
                        .param("declared", step.declaredAge())
                        .param("assessed", step.assessedAge())
                        .param(
                                "documents",
                                step.documents().stream()
                                        .distinct()
                                        .map(Enum::name)
                                        .toArray(String[]::new))
                        .param("helpedBy", step.helpedBy())
                        .param("note", note)
                        .param("by", by)
                        .param("byName", byName)
                        .update()
                == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from rights.rights_step where id = ? and deleted_at is null")
                .param(id)
                .query((row, n) -> row(row))
                .optional();
    }

    /** The live steps among {@code ids}, in no order. */
    List<Row> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from rights.rights_step where id = any(?) and deleted_at is null")
                .param(ids.toArray(UUID[]::new))
                .query((row, n) -> row(row))
                .list();
    }

    /** The person's live steps, newest first. */
    List<Row> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + """
                         from rights.rights_step where person_id = ? and deleted_at is null
                         order by occurred_on desc, created_at desc
                        """)
                .param(personId)
                .query((row, n) -> row(row))
                .list();
    }

    /** Withdraws a step recorded by mistake, at the version read; false when it changed since. */
    boolean withdraw(UUID id, long version, UUID by) {
        return jdbc.sql("""
                        update rights.rights_step
                           set deleted_at = now(), deleted_by = :by, version = version + 1,
                               change_seq = nextval('rights.rights_step_change_seq')
                         where id = :id and version = :version and deleted_at is null
                        """)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * The latest step of each person and part of the file recorded at the site, when it is a right
     * expiring by {@code expiringBy} or a request made on or before {@code requestedBy}, the day a
     * reminder counts from first; read from the latest steps the database keeps
     * ({@code rights.latest_step}), the first rows of one index.
     */
    List<Row> needingALook(UUID siteId, LocalDate expiringBy, LocalDate requestedBy, int limit) {
        return jdbc.sql("""
                        select s.* from rights.latest_step l join rights.rights_step s on s.id = l.step_id
                        where l.site_id = :site and l.watch_on is not null
                          and ((l.phase = 'GRANTED' and l.watch_on <= :expiringBy)
                               or (l.phase = 'REQUESTED' and l.watch_on <= :requestedBy))
                        order by l.watch_on, l.person_id
                        limit :limit
                        """)
                .param("site", siteId)
                .param("expiringBy", expiringBy)
                .param("requestedBy", requestedBy)
                .param("limit", limit)
                .query((row, n) -> row(row))
                .list();
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("person_id", UUID.class),
                row.getObject("site_id", UUID.class),
                StepKind.valueOf(row.getString("kind")),
                row.getObject("occurred_on", LocalDate.class),
                row.getObject("valid_until", LocalDate.class),
                (Integer) row.getObject("declared_age", Integer.class),
                (Integer) row.getObject("assessed_age", Integer.class),
                Arrays.stream((String[]) row.getArray("documents").getArray())
                        .map(Document::valueOf)
                        .toList(),
                row.getString("helped_by"),
                row.getBytes("note"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by_name"),
                row.getLong("version"));
    }
}
