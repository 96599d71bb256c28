package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A stay ended before the cutoff is removed with its beds and nights; a stay not ended is kept. */
@PasserelleTest
class ShelterRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<RetainedRecords> retained;

    @Test
    void aStayEndedBeforeTheCutoffGoesWithItsNightsAndAStayNotEndedStays() {
        ShelterFixture shelter = new ShelterFixture(port);
        String room = shelter.room("Dortoir");
        String bed1 = shelter.bed(room, "1", false, "2000-01-01");
        String bed2 = shelter.bed(room, "2", false, "2000-01-01");
        ApiSession.Response old =
                shelter.admitted(shelter.person("Awa", "FEMALE", "1970-01-01"), bed1, "STAY", "2001-03-01");
        ApiSession.Response absent = shelter.stay(old, "absence", Map.of("from", "2001-03-02", "until", "2001-03-03"));
        assertThat(absent.status()).as(absent.body().toString()).isEqualTo(200);
        assertThat(shelter.stay(absent, "discharge", Map.of("destination", "FAMILY", "dischargedOn", "2001-03-05"))
                        .status())
                .isEqualTo(200);
        String open = shelter.admitted(shelter.person("Binta", "FEMALE", "1971-01-01"), bed2, "STAY", "2001-03-01")
                .text("id");

        RetainedRecords stays = retained.stream()
                .filter(type -> type.recordType().equals("shelter-stay"))
                .findFirst()
                .orElseThrow();
        Instant cutoff = Instant.parse("2002-01-01T00:00:00Z");
        assertThat(stays.countExpired(cutoff).count()).isGreaterThanOrEqualTo(1);
        assertThat(stays.purgeExpired(cutoff)).isGreaterThanOrEqualTo(1);

        assertThat(count("shelters.stay", old.text("id"))).isZero();
        assertThat(count("shelters.night", old.text("id"))).isZero();
        assertThat(count("shelters.placement", old.text("id"))).isZero();
        assertThat(count("shelters.stay", open)).as("a stay not ended is kept").isEqualTo(1);
    }

    private int count(String table, String stay) {
        String column = table.equals("shelters.stay") ? "id" : "stay_id";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?::uuid")
                .param(stay)
                .query(Integer.class)
                .single();
    }
}
