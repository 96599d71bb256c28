package org.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.access.Role;
import org.passerelle.access.UserAccount;
import org.passerelle.access.UserAccounts;
import org.passerelle.people.PatientCode;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.PersonViews.Search;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteKind;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(
        properties = {
            "passerelle.database.data-directory=target/test-db-demo-${random.uuid}",
            "passerelle.admin.initial-password=quiet river under stone",
            "passerelle.demo.enabled=true",
            "passerelle.demo.persons=300",
            "passerelle.demo.consultations-per-person=4",
            "passerelle.demo.batch-size=120"
        })
class DemoDataTests {

    @Autowired
    SiteDirectory sites;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PersonRegistry registry;

    @Autowired
    AuthenticationManager authenticationManager;

    @Autowired
    DemoData demoData;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createsTheOrganisationWithOneUserPerRole() {
        assertThat(sites.programmes()).hasSize(4);
        List<Site> all = sites.sites();
        assertThat(all).hasSize(8);
        Site calais = all.stream()
                .filter(s -> s.name().equals("Clinique mobile Calais"))
                .findFirst()
                .orElseThrow();
        assertThat(sites.outreachLocations(calais.id())).hasSize(4).allSatisfy(location -> {
            assertThat(location.latitude()).as("on the map near Calais").isBetween(50.8, 51.1);
            assertThat(location.longitude()).isBetween(1.7, 2.1);
        });
        Map<String, UserAccount> users =
                accounts.all().stream().collect(java.util.stream.Collectors.toMap(UserAccount::username, u -> u));
        assertThat(users)
                .containsKeys(
                        "admin", "coordination", "medecin", "infirmier", "psy", "social", "donnees", "logistique");
        assertThat(users.get("medecin").roles()).containsExactly(Role.CLINICIAN);
        assertThat(users.get("medecin").siteIds()).hasSize(8);
        assertThat(users.get("psy").roles()).containsExactly(Role.PSYCHOLOGIST);
        assertThat(users.get("donnees").allSites()).isTrue();
        assertThat(logIn("social").isAuthenticated()).isTrue();
    }

    @Test
    void loadsPersonsWithUniqueValidCodesAndTheirConsultations() {
        assertThat(count("select count(*) from people.person")).isEqualTo(300);
        assertThat(count("select count(distinct patient_code) from people.person"))
                .isEqualTo(300);
        assertThat(jdbc.sql("select patient_code from people.person")
                        .query(String.class)
                        .list())
                .allMatch(code -> PatientCode.parse(code).isPresent());
        assertThat(count("select count(*) from people.person_name")).isGreaterThan(50);
        long consultations = count("select count(*) from care.encounter");
        assertThat(consultations).isBetween(300L * 3, 300L * 5);
        assertThat(count("select count(*) from care.encounter e where not exists "
                        + "(select 1 from people.person p where p.id = e.person_id)"))
                .isZero();
        assertThat(count("select count(distinct site_id) from care.encounter")).isEqualTo(8);
    }

    @Test
    void registeredPersonsAreFoundUnderTheirOtherSpellings() {
        UUID personId = jdbc.sql("""
                select n.person_id from people.person_name n
                 where n.kind = 'SPELLING' order by n.person_id limit 1
                """).query(UUID.class).single();
        logIn("medecin");
        String spelling = registry.get(personId).otherNames().stream()
                .filter(name -> name.kind() == PersonViews.NameKind.SPELLING)
                .findFirst()
                .orElseThrow()
                .name();
        List<PersonSummary> found = registry.search(new Search(spelling, null, null, null, 100));
        assertThat(found).extracting(PersonSummary::id).contains(personId);
    }

    @Test
    void givesEachFixedSiteAPharmacyAndEachMobileTeamABagWithALivingStock() {
        long fixedAndMobile = sites.sites().stream()
                .filter(site -> site.kind() == SiteKind.FIXED || site.kind() == SiteKind.MOBILE_TEAM)
                .count();

        assertThat(count("select count(*) from stock.location")).isEqualTo(fixedAndMobile);
        assertThat(count("select count(*) from stock.balance where quantity = 0"))
                .isEqualTo(1);
        assertThat(count("select count(*) from stock.balance where quantity > 0 and expires_on < current_date"))
                .isEqualTo(fixedAndMobile);
        assertThat(count("select count(*) from stock.balance where quantity > 0"
                        + " and expires_on between current_date and current_date + 90"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from stock.movement where kind in ('DISPENSING', 'DISTRIBUTION')"))
                .isGreaterThan(100);
        assertThat(count("""
                        select count(*) from stock.balance b
                         where b.quantity <> (select sum(m.quantity) from stock.movement m
                                               where m.location_id = b.location_id and m.item_code = b.item_code
                                                 and m.lot = b.lot)
                        """))
                .as("every balance is the sum of its ledger lines")
                .isZero();
    }

    @Test
    void doesNothingWhenProgrammesAlreadyExist() throws Exception {
        long persons = count("select count(*) from people.person");
        demoData.run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from people.person")).isEqualTo(persons);
        assertThat(sites.programmes()).hasSize(4);
    }

    private Authentication logIn(String username) {
        Authentication authentication = authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken(username, DemoOrganisation.DEMO_PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
