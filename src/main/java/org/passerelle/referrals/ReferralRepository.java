package org.passerelle.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.DirectoryViews.ServiceKind;
import org.passerelle.referrals.ReferralViews.AccompanimentOutcome;
import org.passerelle.referrals.ReferralViews.Consent;
import org.passerelle.referrals.ReferralViews.NewAccompaniment;
import org.passerelle.referrals.ReferralViews.Status;
import org.passerelle.referrals.ReferralViews.Transport;
import org.passerelle.referrals.ReferralViews.Urgency;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals, their steps and accompaniments; reasons and notes stay sealed here. */
@Repository
class ReferralRepository {

    /** A referral as stored, its reason sealed with the person's key. */
    record Row(
            UUID id,
            UUID personId,
            UUID siteId,
            @Nullable UUID encounterId,
            UUID serviceId,
            String serviceName,
            ServiceKind serviceKind,
            byte @Nullable [] reason,
            Urgency urgency,
            Consent consent,
            Status status,
            LocalDate sentOn,
            LocalDate followBy,
            LocalDate statusOn,
            long version) {}

    record StepRow(
            UUID referralId,
            Status status,
            LocalDate occurredOn,
            byte @Nullable [] note,
            Instant recordedAt,
            String recordedBy) {}

    record AccompanimentRow(
            UUID id,
            UUID referralId,
            LocalDate occurredOn,
            String companions,
            Transport transport,
            int minutes,
            AccompanimentOutcome outcome,
            byte @Nullable [] note) {}

    private static final String SELECT = """
            select r.id, r.person_id, r.site_id, r.encounter_id, r.service_id, s.name as service_name,
                   s.kind as service_kind, r.reason, r.urgency, r.consent, r.status, r.sent_on, r.follow_by,
                   r.status_on, r.version
              from referrals.referral r join referrals.partner_service s on s.id = r.service_id
            """;

    /**
     * Reads a referral by its columns' names. Mapping the record by its components' names
     * ({@code query(Row.class)}) first asks the result set for each camel-case name and catches the
     * exception of each one missing, on every row: a page of 300 referrals cost hundreds of
     * milliseconds in exceptions alone.
     */
    private static final RowMapper<Row> ROW = (row, n) -> new Row(
            row.getObject("id", UUID.class),
            row.getObject("person_id", UUID.class),
            row.getObject("site_id", UUID.class),
            row.getObject("encounter_id", UUID.class),
            row.getObject("service_id", UUID.class),
            row.getString("service_name"),
            ServiceKind.valueOf(row.getString("service_kind")),
            row.getBytes("reason"),
            Urgency.valueOf(row.getString("urgency")),
            Consent.valueOf(row.getString("consent")),
            Status.valueOf(row.getString("status")),
            row.getObject("sent_on", LocalDate.class),
            row.getObject("follow_by", LocalDate.class),
            row.getObject("status_on", LocalDate.class),
            row.getLong("version"));

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(Row row, UUID by) {
        return jdbc.sql("""
                        insert into referrals.referral (id, person_id, site_id, encounter_id, service_id, reason,
                               urgency, consent, status, sent_on, follow_by, status_on, created_by, updated_by)
                        values (:id, :person, :site, :encounter, :service, :reason, :urgency, :consent, :status,
                                :sentOn, :followBy, :sentOn, :by, :by)
                        on conflict (id) do nothing
                        """)
                        .param("id", row.id())
                        .param("person", row.personId())
                        .param("site", row.siteId())
                        .param("encounter", row.encounterId())
                        .param("service", row.serviceId())
                        .param("reason", row.reason())
                        .param("urgency", row.urgency().name())
                        .param("consent", row.consent().name())
                        .param("status", row.status().name())
                        .param("sentOn", row.sentOn())
                        .param("followBy", row.followBy())
                        .param("by", by)
                        .update()
                == 1;
    }

    /** The referral a consultation's "referred-to" answer was turned into. */
    Optional<Row> fromAnswer(UUID encounterId) {
        return jdbc.sql(SELECT + " where r.encounter_id = ? and r.from_answer")
                .param(encounterId)
                .query(ROW)
                .optional();
    }

    /** Marks a referral as the one its consultation's answer was turned into; false if one already was. */
    boolean markFromAnswer(UUID id, UUID encounterId) {
        return jdbc.sql("""
                        update referrals.referral set from_answer = true
                         where id = ? and not exists (select 1 from referrals.referral
                                                       where encounter_id = ? and from_answer)
                        """).params(id, encounterId).update() == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ? and r.deleted_at is null")
                .param(id)
                .query(ROW)
                .optional();
    }

    /** The live referrals among {@code ids}, in no order. */
    List<Row> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.id = any(?) and r.deleted_at is null")
                .param(ids.toArray(UUID[]::new))
                .query(ROW)
                .list();
    }

    /** Holds the referral until the transaction ends, so two steps recorded at once are taken in turn. */
    Optional<Row> lock(UUID id) {
        jdbc.sql("select 1 from referrals.referral where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
        return find(id);
    }

    List<Row> ofPerson(UUID personId) {
        return jdbc.sql(SELECT + " where r.person_id = ? and r.deleted_at is null order by r.sent_on desc, r.id desc")
                .param(personId)
                .query(ROW)
                .list();
    }

    /** The open referrals of a site, the day to check them by first (so the overdue ones come first). */
    List<Row> toFollow(UUID siteId, int limit) {
        return jdbc.sql(SELECT + """
                         where r.site_id = ? and r.status in ('SENT', 'ACCEPTED') and r.deleted_at is null
                         order by r.follow_by, r.sent_on, r.id
                         limit ?
                        """).params(siteId, limit).query(ROW).list();
    }

    /** Moves a referral to a status at the version read; false when it changed since. */
    boolean advance(UUID id, long version, Status status, LocalDate on, LocalDate followBy, UUID by) {
        return jdbc.sql("""
                        update referrals.referral
                           set status = :status, status_on = :on, follow_by = :followBy, version = version + 1,
                               updated_at = now(), updated_by = :by,
                               change_seq = nextval('referrals.referral_change_seq')
                         where id = :id and version = :version
                        """)
                        .param("status", status.name())
                        .param("on", on)
                        .param("followBy", followBy)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void insertStep(
            UUID referralId, Status status, LocalDate on, byte @Nullable [] note, Instant at, UUID by, String name) {
        jdbc.sql("""
                        insert into referrals.referral_step (referral_id, position, status, occurred_on, note,
                               recorded_at, recorded_by, recorded_by_name)
                        select :referral, coalesce(max(position) + 1, 0), :status, :on, :note, :at, :by, :name
                          from referrals.referral_step where referral_id = :referral
                        """)
                .param("referral", referralId)
                .param("status", status.name())
                .param("on", on)
                .param("note", note)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("name", name)
                .update();
    }

    List<StepRow> steps(UUID referralId) {
        return steps(List.of(referralId));
    }

    /** The steps of the referrals {@code referralIds}, each referral's in their order. */
    List<StepRow> steps(List<UUID> referralIds) {
        return jdbc.sql("""
                        select referral_id, status, occurred_on, note, recorded_at, recorded_by_name as recorded_by
                          from referrals.referral_step where referral_id = any(?) order by referral_id, position
                        """)
                .param(referralIds.toArray(UUID[]::new))
                .query((row, n) -> new StepRow(
                        row.getObject("referral_id", UUID.class),
                        Status.valueOf(row.getString("status")),
                        row.getObject("occurred_on", LocalDate.class),
                        row.getBytes("note"),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getString("recorded_by")))
                .list();
    }

    boolean insertAccompaniment(NewAccompaniment command, Row referral, UUID siteId, byte @Nullable [] note, UUID by) {
        return jdbc.sql("""
                        insert into referrals.accompaniment (id, referral_id, person_id, site_id, occurred_on,
                               companions, transport, minutes, outcome, note, created_by)
                        values (:id, :referral, :person, :site, :on, :companions, :transport, :minutes, :outcome,
                                :note, :by)
                        on conflict (id) do nothing
                        """)
                        .param("id", command.id())
                        .param("referral", referral.id())
                        .param("person", referral.personId())
                        .param("site", siteId)
                        .param("on", command.occurredOn())
                        .param("companions", command.companions())
                        .param("transport", command.transport().name())
                        .param("minutes", command.minutes())
                        .param("outcome", command.outcome().name())
                        .param("note", note)
                        .param("by", by)
                        .update()
                == 1;
    }

    Optional<UUID> referralOfAccompaniment(UUID id) {
        return jdbc.sql("select referral_id from referrals.accompaniment where id = ?")
                .param(id)
                .query(UUID.class)
                .optional();
    }

    List<AccompanimentRow> accompaniments(UUID referralId) {
        return accompaniments(List.of(referralId));
    }

    /** The live accompaniments of the referrals {@code referralIds}, each referral's in date order. */
    List<AccompanimentRow> accompaniments(List<UUID> referralIds) {
        return jdbc.sql("""
                        select id, referral_id, occurred_on, companions, transport, minutes, outcome, note
                          from referrals.accompaniment
                         where referral_id = any(?) and deleted_at is null order by referral_id, occurred_on, id
                        """)
                .param(referralIds.toArray(UUID[]::new))
                .query(AccompanimentRow.class)
                .list();
    }
}
