package org.passerelle.shelters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.WaitingViews.BedOffer;
import org.passerelle.shelters.WaitingViews.Criterion;
import org.passerelle.shelters.WaitingViews.OfferAnswer;
import org.passerelle.shelters.WaitingViews.RefusalReason;
import org.passerelle.shelters.WaitingViews.ShelterRequest;
import org.passerelle.shelters.WaitingViews.Source;
import org.passerelle.shelters.WaitingViews.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Requests, offers and the priority rule of each shelter. */
@Repository
class WaitingRepository {

    static final String REQUEST = """
            select id, site_id, person_id, source, sex, age_group, household_size, criteria, requested_at,
                   requested_on, status, version
              from shelters.request where deleted_at is null
            """;
    static final String OFFER = """
            select o.id, o.request_id, o.bed_id, o.offered_at, o.offered_on - r.requested_on as waited, o.answer,
                   o.refusal_reason, o.version
              from shelters.offer o join shelters.request r on r.id = o.request_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WaitingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean insert(ShelterRequest request, UUID by) {
        return jdbc.sql("""
                        insert into shelters.request (id, site_id, person_id, person_key, source, sex, age_group,
                                                      household_size, criteria, requested_at, requested_on, status,
                                                      created_by, updated_by)
                        values (:id, :site, :person, coalesce(:person, gen_random_uuid()), :source, :sex, :age,
                                :household, :criteria, :at, :on, 'WAITING', :by, :by)
                        on conflict (id) do nothing
                        """)
                        .param("id", request.id())
                        .param("site", request.siteId())
                        .param("person", request.personId())
                        .param("source", request.source().name())
                        .param("sex", request.sex())
                        .param("age", request.ageGroup())
                        .param("household", request.householdSize())
                        .param(
                                "criteria",
                                request.criteria().stream().map(Enum::name).toArray(String[]::new))
                        .param("at", utc(request.requestedAt()))
                        .param("on", request.requestedOn())
                        .param("by", by)
                        .update()
                == 1;
    }

    Optional<ShelterRequest> find(UUID id) {
        return jdbc.sql(REQUEST + " and id = ?")
                .param(id)
                .query(WaitingRepository::request)
                .optional();
    }

    List<ShelterRequest> waiting(UUID siteId) {
        return jdbc.sql(REQUEST + " and site_id = ? and status = 'WAITING' order by requested_at")
                .param(siteId)
                .query(WaitingRepository::request)
                .list();
    }

    List<ShelterRequest> expected(UUID siteId) {
        return jdbc.sql(REQUEST + " and site_id = ? and status = 'OFFERED' and exists (select 1 from shelters.offer o"
                        + " where o.request_id = request.id and o.answer = 'ACCEPTED') order by requested_at")
                .param(siteId)
                .query(WaitingRepository::request)
                .list();
    }

    void setStatus(UUID id, Status status, @Nullable Instant closedAt, @Nullable UUID by) {
        jdbc.sql("""
                        update shelters.request set status = ?, closed_at = ?, version = version + 1, updated_at = now(),
                               updated_by = coalesce(?, updated_by), change_seq = nextval('shelters.request_change_seq')
                         where id = ?
                        """)
                .param(status.name())
                .param(closedAt == null ? null : utc(closedAt))
                .param(by)
                .param(id)
                .update();
    }

    void insertOffer(UUID id, ShelterRequest request, @Nullable UUID bedId, Instant at, LocalDate on, UUID by) {
        jdbc.sql("""
                        insert into shelters.offer (id, request_id, site_id, bed_id, offered_at, offered_on, answer,
                                                    created_by)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', ?)
                        """)
                .param(id)
                .param(request.id())
                .param(request.siteId())
                .param(bedId)
                .param(utc(at))
                .param(on)
                .param(by)
                .update();
    }

    Optional<BedOffer> offer(UUID id) {
        return jdbc.sql(OFFER + " where o.id = ?")
                .param(id)
                .query(WaitingRepository::offer)
                .optional();
    }

    /** The offer made to a request that was accepted, if any. */
    Optional<BedOffer> acceptedOffer(UUID requestId) {
        return jdbc.sql(OFFER + " where o.request_id = ? and o.answer = 'ACCEPTED' order by o.offered_at desc limit 1")
                .param(requestId)
                .query(WaitingRepository::offer)
                .optional();
    }

    List<BedOffer> offers(UUID requestId) {
        return jdbc.sql(OFFER + " where o.request_id = ? order by o.offered_at")
                .param(requestId)
                .query(WaitingRepository::offer)
                .list();
    }

    boolean answer(UUID offerId, OfferAnswer answer, @Nullable RefusalReason reason, Instant at, long version) {
        return jdbc.sql("""
                        update shelters.offer set answer = ?, refusal_reason = ?, answered_at = ?,
                               version = version + 1, change_seq = nextval('shelters.offer_change_seq')
                         where id = ? and version = ? and answer = 'PENDING'
                        """)
                        .param(answer.name())
                        .param(reason == null ? null : reason.name())
                        .param(utc(at))
                        .param(offerId)
                        .param(version)
                        .update()
                == 1;
    }

    Optional<PriorityRule> rule(UUID siteId) {
        return jdbc.sql("select weights::text as weights, points_per_day from shelters.priority_rule where site_id = ?")
                .param(siteId)
                .query((row, number) ->
                        new PriorityRule(weights(row.getString("weights")), row.getInt("points_per_day")))
                .optional();
    }

    long ruleVersion(UUID siteId) {
        return jdbc.sql("select version from shelters.priority_rule where site_id = ?")
                .param(siteId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Saves the rule if its version is still {@code version} (0: none yet); false when stale. */
    boolean saveRule(UUID siteId, PriorityRule rule, long version, UUID by) {
        String weights = json.writeValueAsString(rule.weights());
        if (version == 0) {
            return jdbc.sql("""
                            insert into shelters.priority_rule (site_id, weights, points_per_day, updated_by)
                            values (?, ?::jsonb, ?, ?) on conflict (site_id) do nothing
                            """)
                            .param(siteId)
                            .param(weights)
                            .param(rule.pointsPerDay())
                            .param(by)
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                        update shelters.priority_rule set weights = ?::jsonb, points_per_day = ?, updated_by = ?,
                               updated_at = now(), version = version + 1,
                               change_seq = nextval('shelters.rule_change_seq')
                         where site_id = ? and version = ?
                        """)
                        .param(weights)
                        .param(rule.pointsPerDay())
                        .param(by)
                        .param(siteId)
                        .param(version)
                        .update()
                == 1;
    }

    void forgetPerson(UUID personId) {
        jdbc.sql("""
                        update shelters.request set person_id = null, person_key = gen_random_uuid(),
                               version = version + 1, change_seq = nextval('shelters.request_change_seq')
                         where person_id = ?
                        """).param(personId).update();
    }

    List<ShelterRequest> ofPerson(UUID personId) {
        return jdbc.sql(REQUEST + " and person_id = ? order by requested_at desc")
                .param(personId)
                .query(WaitingRepository::request)
                .list();
    }

    private Map<Criterion, Integer> weights(String text) {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        json.readTree(text)
                .properties()
                .forEach(entry -> weights.put(
                        Criterion.valueOf(entry.getKey()), entry.getValue().asInt()));
        return weights;
    }

    static ShelterRequest request(ResultSet row, int number) throws SQLException {
        List<Criterion> criteria = new ArrayList<>();
        for (String criterion : (String[]) row.getArray("criteria").getArray()) {
            criteria.add(Criterion.valueOf(criterion));
        }
        return new ShelterRequest(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getObject("person_id", UUID.class),
                Source.valueOf(row.getString("source")),
                row.getString("sex"),
                row.getString("age_group"),
                row.getInt("household_size"),
                criteria,
                row.getObject("requested_at", OffsetDateTime.class).toInstant(),
                row.getObject("requested_on", LocalDate.class),
                Status.valueOf(row.getString("status")),
                row.getLong("version"));
    }

    static BedOffer offer(ResultSet row, int number) throws SQLException {
        String reason = row.getString("refusal_reason");
        return new BedOffer(
                row.getObject("id", UUID.class),
                row.getObject("request_id", UUID.class),
                row.getObject("bed_id", UUID.class),
                row.getObject("offered_at", OffsetDateTime.class).toInstant(),
                row.getInt("waited"),
                OfferAnswer.valueOf(row.getString("answer")),
                reason == null ? null : RefusalReason.valueOf(reason),
                row.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
