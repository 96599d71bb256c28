package org.passerelle.reporting;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.passerelle.sites.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roll-ups of reporting's own facts: additive figures per site, month and disaggregation cell
 * ({@code additive_month}); each person's facts per site and calendar year ({@code person_year})
 * for distinct persons over a year; and the distinct persons of each programme and of the
 * organisation per year and per month, counted ahead in each category ({@code person_tally}). The
 * additive cells and the tallies are kept by difference (the part of the facts a change touches is
 * taken away before they are rebuilt and added back after), a person's year rows are rebuilt, all in
 * the same transaction as the facts, so they are exactly as right as the facts. Indicators over
 * other modules' sources are counted from the source itself.
 */
@Component
class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    static final Set<String> SOURCES = Set.of(FactRefresher.ENCOUNTERS, FactRefresher.REGISTRATIONS);
    static final String DISCIPLINES = "array['MEDICAL','NURSING','MENTAL_HEALTH','SOCIAL','LEGAL']";

    /** How the tallies kept from the facts name their periods: months (2025-03) and quarters (2025-Q1). */
    static final List<String> TALLIED_PERIODS =
            List.of("to_char(f.occurred_on, 'YYYY-MM')", "to_char(f.occurred_on, 'YYYY-\"Q\"Q')");

    /** The scope of the tallies of all the organisation's sites. */
    static final UUID ORGANISATION = new UUID(0, 0);

    private record SiteProgramme(UUID siteId, UUID programmeId) {}

    private final JdbcClient jdbc;
    private final IndicatorCatalogue catalogue;
    private final SiteDirectory siteDirectory;

    Rollups(JdbcClient jdbc, IndicatorCatalogue catalogue, SiteDirectory siteDirectory) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.siteDirectory = siteDirectory;
    }

    boolean covers(String source) {
        return SOURCES.contains(source);
    }

    /** The additive indicators of a source, in the order of the roll-up's counts. */
    List<Indicator> additive(String source) {
        return catalogue.all().stream()
                .filter(i -> i.source().equals(source) && i.measure() != Measure.PERSONS)
                .toList();
    }

    /** The indicators of a source counting persons, in the order of the roll-up's arrays. */
    List<Indicator> persons(String source) {
        return catalogue.all().stream()
                .filter(i -> i.source().equals(source) && i.measure() == Measure.PERSONS)
                .toList();
    }

    /** Rebuilds the roll-ups when the catalogue (or the periods tallied) changed since they were built. */
    void rebuildIfCatalogueChanged() {
        // the periods the tallies keep are part of what the roll-ups were built for
        long signature = catalogue.all().stream()
                .filter(i -> covers(i.source()))
                .map(i -> i.code() + i.source() + i.measure() + i.filter() + i.disaggregations())
                .collect(Collectors.joining("|", "", String.join("|", TALLIED_PERIODS)))
                .hashCode();
        long stored = jdbc.sql("select last_seq from reporting.refresh_state where source = 'catalogue'")
                .query(Long.class)
                .single();
        if (stored != signature) {
            long start = System.nanoTime();
            rebuildAll();
            log.info("Reporting roll-ups rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
            jdbc.sql("update reporting.refresh_state set last_seq = ? where source = 'catalogue'")
                    .param(signature)
                    .update();
        }
    }

    /**
     * Follows the sites' programmes: a new site is added to the tallies' map; a site moved to
     * another programme (or gone) has the tallies counted again.
     */
    void followSites() {
        List<SiteProgramme> now = siteDirectory.sites().stream()
                .map(site -> new SiteProgramme(site.id(), site.programmeId()))
                .toList();
        Map<UUID, UUID> counted = countedSites();
        Map<UUID, UUID> current =
                now.stream().collect(Collectors.toMap(SiteProgramme::siteId, SiteProgramme::programmeId));
        boolean moved = counted.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())));
        if (moved) {
            jdbc.sql("delete from reporting.tally_site").update();
        }
        for (SiteProgramme site : now) {
            if (moved || !counted.containsKey(site.siteId())) {
                jdbc.sql(
                                "insert into reporting.tally_site (site_id, programme_id) values (?, ?) on conflict do nothing")
                        .params(site.siteId(), site.programmeId())
                        .update();
            }
        }
        if (moved) {
            // deleted rather than truncated, so that reports read the old tallies until this commits
            jdbc.sql("delete from reporting.person_tally").update();
            tallyAll();
        }
    }

    /**
     * The scope of the tallies these sites make up: the organisation when they are all its sites, a
     * programme when they are all of its sites; none otherwise (the user sees part of a programme).
     */
    Optional<UUID> tallyScope(List<SiteRef> sites) {
        Map<UUID, UUID> counted = countedSites();
        Set<UUID> chosen = sites.stream().map(SiteRef::id).collect(Collectors.toSet());
        if (chosen.equals(counted.keySet())) {
            return Optional.of(ORGANISATION);
        }
        UUID programme = sites.getFirst().programmeId();
        Set<UUID> ofProgramme = counted.entrySet().stream()
                .filter(e -> e.getValue().equals(programme))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return chosen.equals(ofProgramme) ? Optional.of(programme) : Optional.empty();
    }

    /** The sites the tallies count, with the programme each was counted in. */
    private Map<UUID, UUID> countedSites() {
        return jdbc
                .sql("select site_id, programme_id from reporting.tally_site")
                .query(SiteProgramme.class)
                .list()
                .stream()
                .collect(Collectors.toMap(SiteProgramme::siteId, SiteProgramme::programmeId));
    }

    /** Counts the roll-ups again from the facts; reports read the old ones until this commits. */
    void rebuildAll() {
        jdbc.sql("delete from reporting.additive_month").update();
        jdbc.sql("delete from reporting.person_year").update();
        jdbc.sql("delete from reporting.person_tally").update();
        for (String source : SOURCES) {
            // written in the order reports read them, so that a programme's year is on few pages
            if (!additive(source).isEmpty()) {
                jdbc.sql(additiveInsert(source, source + " f", 1) + " order by 2, 3")
                        .update();
            }
            if (!persons(source).isEmpty()) {
                jdbc.sql(personInsert(source, source, "true") + " order by 3, 4")
                        .update();
            }
        }
        tallyAll();
        jdbc.sql("analyze reporting.additive_month").update();
        jdbc.sql("analyze reporting.person_year").update();
        jdbc.sql("analyze reporting.person_tally").update();
    }

    private void tallyAll() {
        for (String source : SOURCES) {
            if (!persons(source).isEmpty()) {
                jdbc.sql(tallyInsert(source, yearRows(source, "true"), 1)).update();
                for (String period : TALLIED_PERIODS) {
                    jdbc.sql(tallyInsert(source, personRows(source, source, "true", period), 1))
                            .update();
                }
            }
        }
    }

    /**
     * Takes away ({@code sign} -1) these facts (for each source, a relation of the same columns) from
     * the additive cells, or adds them (1): cells are sums, so only the facts that changed need be.
     */
    void countCells(Map<String, String> facts, int sign) {
        for (String source : SOURCES) {
            if (!additive(source).isEmpty()) {
                jdbc.sql(additiveInsert(source, Objects.requireNonNull(facts.get(source)) + " f", sign)
                                + " on conflict (source, site_id, month, sex, age_group, discipline, visit)"
                                + " do update set counts = array(select a + b from unnest(reporting.additive_month.counts,"
                                + " excluded.counts) with ordinality as t(a, b, n) order by n)")
                        .update();
            }
        }
    }

    /**
     * Takes away ({@code sign} -1) the part of these persons in the month and quarter tallies, or
     * adds it (1): {@code facts} holds, for each source, all the facts of each person it holds (as
     * they were, or as they are now), since a person is counted once over all of them.
     */
    void countTallies(Map<String, String> facts, int sign) {
        for (String source : SOURCES) {
            if (!persons(source).isEmpty()) {
                for (String period : TALLIED_PERIODS) {
                    jdbc.sql(tallyInsert(
                                    source,
                                    personRows(source, Objects.requireNonNull(facts.get(source)), "true", period),
                                    sign))
                            .update();
                }
            }
        }
    }

    /**
     * Rebuilds the year roll-ups of the persons in {@code persons} (a table of ids) from their facts
     * as they are now ({@code facts}, a table per source), taking their part out of the year tallies
     * and putting it back; then forgets the tallies' empty categories.
     */
    void refreshPersons(String persons, Map<String, String> facts) {
        String theirs = "y.person_key in (select id from " + persons + ")";
        for (String source : SOURCES) {
            if (!persons(source).isEmpty()) {
                jdbc.sql(tallyInsert(source, yearRows(source, theirs), -1)).update();
            }
        }
        jdbc.sql("delete from reporting.person_year y using " + persons + " t where y.person_key = t.id")
                .update();
        for (String source : SOURCES) {
            if (!persons(source).isEmpty()) {
                jdbc.sql(personInsert(source, Objects.requireNonNull(facts.get(source)), "true"))
                        .update();
                jdbc.sql(tallyInsert(source, yearRows(source, theirs), 1)).update();
            }
        }
        jdbc.sql("delete from reporting.person_tally where persons = 0").update();
    }

    /** The additive cells of the facts {@code from} (a source as {@code f} and a condition), times {@code sign}. */
    private String additiveInsert(String source, String from, int sign) {
        List<Indicator> indicators = additive(source);
        EnumSet<Dimension> dims = EnumSet.noneOf(Dimension.class);
        indicators.forEach(i -> dims.addAll(i.disaggregations()));
        String counts = indicators.stream()
                .map(i -> sign + " * "
                        + (i.measure() == Measure.ATTENDEES ? "coalesce(sum(f.attendees)" : "coalesce(count(*)")
                        + " filter (where " + i.filter() + "), 0)")
                .collect(Collectors.joining(", "));
        return "insert into reporting.additive_month (source, site_id, month, sex, age_group, discipline, visit, counts)"
                + " select '" + source + "', f.site_id, date_trunc('month', f.occurred_on)::date, "
                + column(dims, Dimension.SEX) + ", " + column(dims, Dimension.AGE_GROUP) + ", "
                + column(dims, Dimension.DISCIPLINE) + ", " + column(dims, Dimension.VISIT) + ", array[" + counts
                + "]::bigint[] from " + from + " group by 1, 2, 3, 4, 5, 6, 7";
    }

    private String personInsert(String source, String table, String condition) {
        return "insert into reporting.person_year (source, person_key, site_id, year, sex, ages, disciplines, months)"
                + " select '" + source + "', person_key, site_id, period, sex, ages, disciplines, months from ("
                + personRows(source, table, condition, "extract(year from f.occurred_on)::int") + ") as rows";
    }

    /** The year roll-ups of a source meeting a condition on {@code y}, as rows for the tallies. */
    private static String yearRows(String source, String condition) {
        return "select y.year::text as period, y.person_key, y.site_id, y.sex, y.ages, y.disciplines, y.months"
                + " from reporting.person_year y where y.source = '" + source + "' and (" + condition + ")";
    }

    /**
     * One row per person, site and period of the facts of a source (read from {@code table}, the
     * source itself or a table of the same columns) meeting a condition: for each indicator
     * counting persons, the youngest age group of the person's matching facts, and bit masks of their
     * disciplines (MEDICAL, NURSING, MENTAL_HEALTH, SOCIAL, LEGAL) and months (January = bit 0); 0
     * when none matches.
     */
    private String personRows(String source, String table, String condition, String period) {
        List<Indicator> indicators = persons(source);
        boolean hasDiscipline =
                indicators.stream().anyMatch(i -> i.disaggregations().contains(Dimension.DISCIPLINE));
        String disciplineBit = hasDiscipline
                ? "(1 << (coalesce(array_position(" + DISCIPLINES + ", f.discipline::text), 1) - 1))"
                : "0";
        String ages = each(indicators, i -> "min(f.age_group::text) filter (where " + i.filter() + ")");
        String disciplines =
                each(indicators, i -> "coalesce(bit_or(" + disciplineBit + ") filter (where " + i.filter() + "), 0)");
        String months = each(
                indicators,
                i -> "coalesce(bit_or(1 << (extract(month from f.occurred_on)::int - 1)) filter (where " + i.filter()
                        + "), 0)");
        String any = indicators.stream().map(i -> "(" + i.filter() + ")").collect(Collectors.joining(" or "));
        return "select " + period + " as period, f.person_key, f.site_id, min(f.sex::text) as sex,"
                + " array[" + ages + "]::text[] as ages, array[" + disciplines + "]::int[] as disciplines,"
                + " array[" + months + "]::int[] as months"
                + " from " + table + " f where f.person_key is not null and (" + condition + ")"
                + " group by f.person_key, f.site_id, 1 having bool_or(" + any + ")";
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the part of the persons in these rows (one per person,
     * site and period: a year or a month) in the tallies of their programmes and of the organisation.
     * A person's part in a scope and period, for each indicator counting them: one in the total, in
     * their sex, in the youngest age group they were seen at, in each discipline, month and site they
     * were seen in, and (for the organisation) in each programme.
     */
    private String tallyInsert(String source, String rows, int sign) {
        List<Indicator> indicators = persons(source);
        String codes =
                indicators.stream().map(i -> "'" + i.code() + "'").collect(Collectors.joining(", ", "array[", "]"));
        String ages = each(indicators, i -> "min(ages[" + (indicators.indexOf(i) + 1) + "])");
        String disciplines = each(indicators, i -> "bit_or(disciplines[" + (indicators.indexOf(i) + 1) + "])");
        String months = each(indicators, i -> "bit_or(months[" + (indicators.indexOf(i) + 1) + "])");
        String organisation = "'" + ORGANISATION + "'::uuid";
        return """
                insert into reporting.person_tally (source, period, scope, indicator, dimension, category, persons)
                with p as materialized (
                    select r.period, t.programme_id, r.site_id, r.person_key, r.sex, r.ages, r.disciplines, r.months
                      from (%2$s) as r join reporting.tally_site t on t.site_id = r.site_id),
                s as materialized (
                    select period, case when grouping(programme_id) = 0 then programme_id end as programme_id,
                           min(sex) as sex, array[%3$s] as a, array[%4$s]::int[] as d, array[%5$s]::int[] as m
                      from p group by grouping sets ((period, programme_id, person_key), (period, person_key)))
                select '%1$s', period, scope, (%6$s)[k], dimension, category, %7$d * count(*)
                  from (
                    select s.period, coalesce(s.programme_id, %8$s) as scope, k, x.dimension, x.category
                      from s cross join generate_series(1, %9$d) as k
                      cross join lateral (
                          select 'TOTAL', ''
                          union all select 'SEX', s.sex
                          union all select 'AGE_GROUP', coalesce(s.a[k], 'unknown')
                          union all select 'DISCIPLINE', dn.name
                                      from unnest(%10$s) with ordinality as dn(name, n)
                                     where s.d[k] & (1 << (dn.n::int - 1)) <> 0
                          union all select 'MONTH', to_char(make_date(left(s.period, 4)::int, mo, 1), 'YYYY-MM')
                                      from generate_series(1, 12) as mo where s.m[k] & (1 << (mo - 1)) <> 0
                      ) as x(dimension, category)
                     where s.m[k] <> 0
                    union all
                    select s.period, %8$s, k, 'PROGRAMME', s.programme_id::text
                      from s cross join generate_series(1, %9$d) as k
                     where s.programme_id is not null and s.m[k] <> 0
                    union all
                    select p.period, sc.scope, k, 'SITE', p.site_id::text
                      from p cross join generate_series(1, %9$d) as k
                      cross join lateral (values (p.programme_id), (%8$s)) as sc(scope)
                     where p.months[k] <> 0
                  ) as part
                 group by period, scope, k, dimension, category
                on conflict (source, period, scope, indicator, dimension, category)
                do update set persons = reporting.person_tally.persons + excluded.persons
                """.formatted(
                source, rows, ages, disciplines, months, codes, sign, organisation, indicators.size(), DISCIPLINES);
    }

    private static String each(List<Indicator> indicators, java.util.function.Function<Indicator, String> sql) {
        return IntStream.range(0, indicators.size())
                .mapToObj(n -> sql.apply(indicators.get(n)))
                .collect(Collectors.joining(", "));
    }

    private static String column(Set<Dimension> dims, Dimension dimension) {
        return dims.contains(dimension) ? "f." + dimension.column() + "::text" : "null::text";
    }
}
