package org.passerelle.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.DuplicateViews.FieldWeights;
import org.passerelle.people.DuplicateViews.LevelWeight;
import org.passerelle.people.DuplicateViews.OfflineRegistration;
import org.passerelle.people.DuplicateViews.Scan;
import org.passerelle.people.PersonViews.MatchReason;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.ReviewLabels;
import org.passerelle.people.matching.ScanWeights;
import org.passerelle.platform.database.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Duplicate scans, the weights they used, and the pairs they proposed with their decisions. */
@Repository
class DuplicateRepository {

    /** A proposed pair as stored, before the two persons are read. */
    record StoredCandidate(
            UUID id,
            UUID personA,
            UUID personB,
            double probability,
            List<MatchReason> reasons,
            Instant foundAt,
            @Nullable OfflineRegistration registeredOffline) {}

    /** A pair found by a scan, with the level and weight of each of the scan's fields. */
    record Found(UUID personA, UUID personB, double probability, double score, List<String> levels, double[] weights) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DuplicateRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Records a new running scan; false when another scan is running. */
    boolean startScan(UUID id, Instant at, @Nullable UUID userId) {
        return jdbc.sql("""
                        insert into people.duplicate_scan (id, started_at, started_by, status)
                        values (:id, :at, :user, 'RUNNING') on conflict do nothing
                        """)
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("user", userId, java.sql.Types.OTHER)
                        .update()
                == 1;
    }

    void finishScan(
            UUID id,
            Instant at,
            ScanWeights.Estimate estimate,
            FellegiSunterModel weights,
            List<List<String>> levels,
            List<String> reasonFields,
            int persons,
            int proposed,
            long loadMillis,
            long trainMillis,
            long compareMillis) {
        jdbc.sql("""
                update people.duplicate_scan
                   set status = 'DONE', finished_at = :at, model = :model, prior = :prior, fields = :fields,
                       fallback = :fallback, merges_learnt_from = :merges,
                       persons = :persons, proposed = :proposed,
                       load_millis = :load, train_millis = :train, compare_millis = :compare
                 where id = :id
                """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("model", estimate.kind().name())
                .param(
                        "fallback",
                        estimate.fallback() == ScanWeights.Fallback.NONE
                                ? null
                                : estimate.fallback().name(),
                        java.sql.Types.VARCHAR)
                .param("merges", estimate.merges())
                .param("prior", weights.prior())
                .param("fields", reasonFields.toArray(String[]::new))
                .param("persons", persons)
                .param("proposed", proposed)
                .param("load", loadMillis)
                .param("train", trainMillis)
                .param("compare", compareMillis)
                .update();
        for (int f = 0; f < weights.fields().size(); f++) {
            for (int l = 0; l < levels.get(f).size(); l++) {
                jdbc.sql("""
                        insert into people.duplicate_scan_weight (scan_id, field, level, position, m, u)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                        .params(id, weights.fields().get(f), levels.get(f).get(l), l, weights.m(f, l), weights.u(f, l))
                        .update();
            }
        }
    }

    void failScan(UUID id, Instant at) {
        jdbc.sql(
                        "update people.duplicate_scan set status = 'FAILED', finished_at = ? where id = ? and status = 'RUNNING'")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** Marks as failed the scans a stopped server left running. */
    int failInterruptedScans(Instant at) {
        return jdbc.sql("update people.duplicate_scan set status = 'FAILED', finished_at = ? where status = 'RUNNING'")
                .param(Timestamp.from(at))
                .update();
    }

    Optional<Scan> scan(UUID id) {
        return jdbc.sql("select * from people.duplicate_scan where id = ?")
                .param(id)
                .query(this::mapScan)
                .optional()
                .map(this::withWeights);
    }

    Optional<Scan> latestScan() {
        return jdbc.sql("select * from people.duplicate_scan order by started_at desc, id desc limit 1")
                .query(this::mapScan)
                .optional()
                .map(this::withWeights);
    }

    /** The pairs judged to be different people, as "a|b" with a before b in database order. */
    Set<String> notDuplicates() {
        Set<String> pairs = new HashSet<>();
        jdbc.sql("select person_a, person_b from people.not_duplicate").query(rs -> {
            pairs.add(pairKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        });
        return pairs;
    }

    /**
     * The decided pairs as labels: the levels each reached when it was found, merged or judged
     * different people (the levels only, never who the persons are).
     */
    ReviewLabels reviewLabels() {
        ReviewLabels labels = ReviewLabels.empty();
        jdbc.sql("""
                        select c.status, c.levels, coalesce(s.fields, c.reason_fields) as fields
                          from people.duplicate_candidate c left join people.duplicate_scan s on s.id = c.scan_id
                         where c.status in ('MERGED', 'REJECTED') and c.levels is not null
                        """).query(rs -> {
            labels.add(
                    List.of(strings(rs.getArray("fields"))),
                    List.of(strings(rs.getArray("levels"))),
                    "MERGED".equals(rs.getString("status")));
        });
        return labels;
    }

    static String pairKey(UUID a, UUID b) {
        return a + "|" + b;
    }

    /**
     * Stores a scan's findings: new pairs wait for review, pairs still waiting take the new
     * probability, pairs merged and since unmerged wait again, rejected pairs stay rejected; pairs
     * an earlier scan proposed and this one no longer finds leave the queue.
     */
    int storeFindings(UUID scanId, Instant at, List<Found> found) {
        jdbc.sql("""
                create temporary table found_pair (
                    person_a uuid, person_b uuid, probability double precision, score double precision,
                    levels text[], weights double precision[]) on commit drop
                """).update();
        PostgresCopy rows =
                PostgresCopy.into("found_pair", "person_a", "person_b", "probability", "score", "levels", "weights");
        for (Found pair : found) {
            rows.value(pair.personA())
                    .value(pair.personB())
                    .value(pair.probability())
                    .value(pair.score())
                    .value(pair.levels())
                    .value(Arrays.stream(pair.weights()).boxed().toList())
                    .endRow();
        }
        rows.execute(dataSource);
        int stored = jdbc.sql("""
                        insert into people.duplicate_candidate
                            (id, person_a, person_b, scan_id, found_at, probability, score, levels, weights, status)
                        select gen_random_uuid(), person_a, person_b, :scan, :at, probability, score, levels, weights, 'PENDING'
                          from found_pair
                        on conflict (person_a, person_b) do update
                           set scan_id = excluded.scan_id, probability = excluded.probability, score = excluded.score,
                               levels = excluded.levels, weights = excluded.weights,
                               found_at = case when people.duplicate_candidate.status = 'PENDING'
                                               then people.duplicate_candidate.found_at else excluded.found_at end,
                               status = 'PENDING', decided_by = null, decided_at = null
                         where people.duplicate_candidate.status <> 'REJECTED'
                        """)
                .param("scan", scanId)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from people.duplicate_candidate where status = 'PENDING' and scan_id <> ?")
                .param(scanId)
                .update();
        return stored;
    }

    private static final String LIVE_PAIR = """
            c.status = 'PENDING'
            and exists (select 1 from people.person p where p.id = c.person_a and p.deleted_at is null and p.merged_into is null)
            and exists (select 1 from people.person p where p.id = c.person_b and p.deleted_at is null and p.merged_into is null)
            """;

    private static final String IN_SCOPE = """
            and exists (select 1 from people.person_site s where s.person_id = c.person_a and s.site_id = any(:sites))
            and exists (select 1 from people.person_site s where s.person_id = c.person_b and s.site_id = any(:sites))
            """;

    /**
     * The pairs waiting for review whose two persons are both live and, unless {@code sites} is
     * null (all sites), both in care at one of these sites; most likely first.
     */
    List<StoredCandidate> pending(@Nullable Set<UUID> sites, int limit, int offset) {
        String sql = "select c.* , coalesce(s.fields, c.reason_fields) as fields from people.duplicate_candidate c"
                + " left join people.duplicate_scan s on s.id = c.scan_id where " + LIVE_PAIR
                + (sites == null ? "" : IN_SCOPE)
                + " order by c.probability desc, c.id limit :limit offset :offset";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", limit).param("offset", offset);
        if (sites != null) {
            statement = statement.param("sites", sites.toArray(UUID[]::new));
        }
        return statement.query(DuplicateRepository::mapCandidate).list();
    }

    /** A waiting pair reduced to what grouping needs. */
    record PendingLink(UUID id, UUID personA, UUID personB, double probability) {}

    /** Every live pair waiting for review in the scope of {@code sites} (null: all sites), most likely first. */
    List<PendingLink> pendingLinks(@Nullable Set<UUID> sites) {
        String sql = "select c.id, c.person_a, c.person_b, c.probability from people.duplicate_candidate c where "
                + LIVE_PAIR + (sites == null ? "" : IN_SCOPE) + " order by c.probability desc, c.id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (sites != null) {
            statement = statement.param("sites", sites.toArray(UUID[]::new));
        }
        return statement
                .query((rs, row) -> new PendingLink(
                        rs.getObject("id", UUID.class),
                        rs.getObject("person_a", UUID.class),
                        rs.getObject("person_b", UUID.class),
                        rs.getDouble("probability")))
                .list();
    }

    /** The waiting pairs of these ids, most likely first. */
    List<StoredCandidate> pendingByIds(List<UUID> ids) {
        return jdbc.sql("""
                        select c.*, coalesce(s.fields, c.reason_fields) as fields from people.duplicate_candidate c
                          left join people.duplicate_scan s on s.id = c.scan_id
                         where c.id = any(:ids) and c.status = 'PENDING'
                         order by c.probability desc, c.id
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(DuplicateRepository::mapCandidate)
                .list();
    }

    long countPending(@Nullable Set<UUID> sites) {
        String sql = "select count(*) from people.duplicate_candidate c where " + LIVE_PAIR
                + (sites == null ? "" : IN_SCOPE);
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (sites != null) {
            statement = statement.param("sites", sites.toArray(UUID[]::new));
        }
        return statement.query(Long.class).single();
    }

    Optional<StoredCandidate> pendingCandidate(UUID id) {
        return jdbc.sql("""
                        select c.*, coalesce(s.fields, c.reason_fields) as fields from people.duplicate_candidate c
                          left join people.duplicate_scan s on s.id = c.scan_id
                         where c.id = ? and c.status = 'PENDING'
                        """).param(id).query(DuplicateRepository::mapCandidate).optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists(select 1 from people.duplicate_candidate where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Records a decision on a waiting pair; false when it was decided meanwhile. */
    boolean decide(UUID id, String status, UUID userId, Instant at) {
        return jdbc.sql("""
                        update people.duplicate_candidate set status = ?, decided_by = ?, decided_at = ?
                         where id = ? and status = 'PENDING'
                        """).params(status, userId, Timestamp.from(at), id).update() == 1;
    }

    private static StoredCandidate mapCandidate(ResultSet rs, int row) throws SQLException {
        String[] fields = strings(rs.getArray("fields"));
        String[] levels = strings(rs.getArray("levels"));
        Double[] weights = (Double[]) rs.getArray("weights").getArray();
        List<MatchReason> reasons = new ArrayList<>();
        for (int f = 0; f < levels.length; f++) {
            reasons.add(new MatchReason(f < fields.length ? fields[f] : "field " + f, levels[f], weights[f]));
        }
        return new StoredCandidate(
                rs.getObject("id", UUID.class),
                rs.getObject("person_a", UUID.class),
                rs.getObject("person_b", UUID.class),
                rs.getDouble("probability"),
                reasons,
                rs.getTimestamp("found_at").toInstant(),
                rs.getBoolean("registered_offline")
                        ? new OfflineRegistration(rs.getObject("offline_device_id", UUID.class))
                        : null);
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private Scan mapScan(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Scan(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("status"),
                rs.getString("model"),
                rs.getString("fallback"),
                rs.getObject("merges_learnt_from", Long.class),
                ScanWeights.MIN_MERGES_TO_LEARN,
                rs.getObject("prior", Double.class),
                rs.getObject("persons", Integer.class),
                rs.getObject("proposed", Integer.class),
                rs.getObject("load_millis", Long.class),
                rs.getObject("train_millis", Long.class),
                rs.getObject("compare_millis", Long.class),
                List.of());
    }

    private Scan withWeights(Scan scan) {
        Map<String, List<LevelWeight>> byField = new LinkedHashMap<>();
        jdbc.sql("""
                        select field, level, m, u from people.duplicate_scan_weight
                         where scan_id = ? order by array_position(
                               (select fields from people.duplicate_scan where id = scan_id), field), position
                        """).param(scan.id()).query(rs -> {
            double m = rs.getDouble("m");
            double u = rs.getDouble("u");
            byField.computeIfAbsent(rs.getString("field"), f -> new ArrayList<>())
                    .add(new LevelWeight(rs.getString("level"), m, u, weight(m, u)));
        });
        List<FieldWeights> weights = byField.entrySet().stream()
                .map(e -> new FieldWeights(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Scan(
                scan.id(),
                scan.startedAt(),
                scan.finishedAt(),
                scan.status(),
                scan.model(),
                scan.fallback(),
                scan.merges(),
                scan.mergesNeeded(),
                scan.prior(),
                scan.persons(),
                scan.proposed(),
                scan.loadMillis(),
                scan.trainMillis(),
                scan.compareMillis(),
                weights);
    }

    private static double weight(double m, double u) {
        return Math.log(Math.max(m, 1e-6) / Math.max(u, 1e-6)) / Math.log(2);
    }
}
