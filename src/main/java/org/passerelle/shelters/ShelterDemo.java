package org.passerelle.shelters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteKind;
import org.passerelle.sites.SiteViews.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the demo data ({@code passerelle.demo.enabled}), after the demo persons were loaded: the
 * first shelter site gets rooms (women, families, accessible), beds, emergency camp beds open since
 * three nights, a bed out of service, and a few of the persons in care there admitted, so that the
 * bed board has something to show. A trusted loader, like the demo's: it writes the rows directly
 * and reads the persons in care at the site from the people module's tables.
 */
@Component
@Order(20)
class ShelterDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShelterDemo.class);
    private static final UUID LOADER = new UUID(0, 0);

    private final boolean enabled;
    private final SiteDirectory sites;
    private final JdbcClient jdbc;
    private final Clock clock;

    ShelterDemo(
            @Value("${passerelle.demo.enabled:false}") boolean enabled,
            SiteDirectory sites,
            JdbcClient jdbc,
            Clock clock) {
        this.enabled = enabled;
        this.sites = sites;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled
                || jdbc.sql("select exists(select 1 from shelters.room)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        sites.sites().stream()
                .filter(site -> site.kind() == SiteKind.SHELTER)
                .findFirst()
                .ifPresent(this::furnish);
    }

    private void furnish(Site site) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusDays(60);
        UUID women = room(site, "Chambre des femmes", "girls_only");
        UUID families = room(site, "Chambre familles", "families");
        UUID accessible = room(site, "Chambre accessible", "accessible");
        UUID hall = room(site, "Salle commune", "families");
        List<UUID> beds = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            beds.add(bed(site, women, "F" + i, false, since));
        }
        for (int i = 1; i <= 4; i++) {
            beds.add(bed(site, families, "M" + i, false, since));
        }
        beds.add(bed(site, accessible, "A1", false, since));
        UUID broken = bed(site, accessible, "A2", false, since);
        List<UUID> campBeds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            campBeds.add(bed(site, hall, "U" + i, true, since));
        }
        jdbc.sql("""
                        insert into shelters.bed_outage (id, bed_id, site_id, nights, reason, created_by, updated_by)
                        values (?, ?, ?, daterange(?, null, '[)'), 'BROKEN', ?, ?)
                        """)
                .param(Ids.newId())
                .param(broken)
                .param(site.id())
                .param(today.minusDays(2))
                .param(LOADER)
                .param(LOADER)
                .update();
        jdbc.sql("""
                        insert into shelters.emergency_opening (id, site_id, nights, reason, created_by, updated_by)
                        values (?, ?, daterange(?, null, '[)'), 'COLD_WEATHER', ?, ?)
                        """)
                .param(Ids.newId())
                .param(site.id())
                .param(today.minusDays(3))
                .param(LOADER)
                .param(LOADER)
                .update();
        int admitted = admit(site, today, beds, campBeds);
        log.info(
                "Demo shelter: {} beds at {} and {} residents",
                beds.size() + campBeds.size() + 1,
                site.name(),
                admitted);
    }

    /** Admits women and children in care at the site: women to the women's room, children with the families. */
    private int admit(Site site, LocalDate today, List<UUID> beds, List<UUID> campBeds) {
        List<Map<String, Object>> persons =
                jdbc.sql("""
                        select p.id, p.sex, date_part('year', age(?::date, p.birth_date))::int as age
                          from people.person p join people.person_site s on s.person_id = p.id and s.site_id = ?
                         where p.deleted_at is null and p.merged_into is null and p.birth_date is not null
                           and (p.sex = 'FEMALE' or date_part('year', age(?::date, p.birth_date)) < 18)
                         order by p.id limit 12
                        """).param(today).param(site.id()).param(today).query().listOfRows();
        int women = 0;
        int children = 4;
        int camp = 0;
        int admitted = 0;
        for (Map<String, Object> person : persons) {
            int age = ((Number) Objects.requireNonNull(person.get("age"))).intValue();
            UUID bed;
            String mode = "STAY";
            if (age >= 18 && women < 4) {
                bed = beds.get(women++);
            } else if (children < 9) {
                bed = beds.get(children++);
            } else if (camp < 2) {
                bed = campBeds.get(camp++);
                mode = "NIGHTLY";
            } else {
                continue;
            }
            stay(
                    site,
                    (UUID) Objects.requireNonNull(person.get("id")),
                    (String) Objects.requireNonNull(person.get("sex")),
                    age,
                    bed,
                    mode,
                    today.minusDays(admitted * 3L));
            admitted++;
        }
        return admitted;
    }

    private void stay(Site site, UUID personId, String sex, int age, UUID bed, String mode, LocalDate on) {
        UUID stay = Ids.newId();
        jdbc.sql("""
                        insert into shelters.stay (id, site_id, person_id, person_key, sex, age_group, minor, mode, reason,
                                                   planned_nights, admitted_on, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'SLEEPING_OUTSIDE', 30, ?, ?, ?)
                        """)
                .param(stay)
                .param(site.id())
                .param(personId)
                .param(personId)
                .param(sex)
                .param(Stays.ageGroup(age))
                .param(age < 18)
                .param(mode)
                .param(on)
                .param(LOADER)
                .param(LOADER)
                .update();
        jdbc.sql("""
                        insert into shelters.placement (id, stay_id, bed_id, site_id, nights, created_by)
                        values (?, ?, ?, ?, daterange(?, null, '[)'), ?)
                        """)
                .param(Ids.newId())
                .param(stay)
                .param(bed)
                .param(site.id())
                .param(on)
                .param(LOADER)
                .update();
    }

    private UUID room(Site site, String name, String rule) {
        UUID id = Ids.newId();
        jdbc.sql("insert into shelters.room (id, site_id, name, " + rule + ", created_by, updated_by)"
                        + " values (?, ?, ?, true, ?, ?)")
                .param(id)
                .param(site.id())
                .param(name)
                .param(LOADER)
                .param(LOADER)
                .update();
        return id;
    }

    private UUID bed(Site site, UUID room, String label, boolean emergency, LocalDate from) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into shelters.bed (id, room_id, site_id, label, emergency, in_service_from, created_by,
                                                  updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(id)
                .param(room)
                .param(site.id())
                .param(label)
                .param(emergency)
                .param(from)
                .param(LOADER)
                .param(LOADER)
                .update();
        return id;
    }
}
