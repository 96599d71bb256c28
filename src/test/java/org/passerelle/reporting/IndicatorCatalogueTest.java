package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class IndicatorCatalogueTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheCareIndicatorsDeclaredOnce() {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(json);

        assertThat(catalogue.all())
                .extracting(Indicator::code)
                .contains(
                        "OUTPATIENT_CONSULTATIONS",
                        "MENTAL_HEALTH_INDIVIDUAL",
                        "MENTAL_HEALTH_GROUP_SESSIONS",
                        "PEOPLE_REACHED",
                        "NEW_REGISTRATIONS",
                        "CONSULTATIONS",
                        "MINORS_SEEN",
                        "WOMEN_SEEN",
                        "REFERRALS_MADE");
        Indicator reached = catalogue.find("PEOPLE_REACHED").orElseThrow();
        assertThat(reached.measure()).isEqualTo(Measure.PERSONS);
        assertThat(reached.name("ar")).isEqualTo("الأشخاص الذين تم الوصول إليهم");
    }

    @Test
    void takesTheIndicatorsOfAnotherModuleFromItsOwnResource() {
        IndicatorCatalogue catalogue = new IndicatorCatalogue(json, "classpath*:reporting/extra-indicators/*.json");

        Indicator bedNights = catalogue.find("BED_NIGHTS").orElseThrow();
        assertThat(bedNights.source()).isEqualTo("shelters.report_bed_night");
        assertThat(catalogue.all().getLast().code()).isEqualTo("BED_NIGHTS");
    }

    @Test
    void refusesAFilterThatIsMoreThanOneCondition(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.json"), """
                {"indicators": [{"code": "BAD", "source": "care.encounter", "measure": "ROWS",
                  "filter": "true; drop table care.encounter", "disaggregations": [],
                  "names": {"fr": "x", "en": "x", "ar": "x"}, "definitions": {"fr": "x", "en": "x", "ar": "x"}}]}
                """);

        assertThatThrownBy(() -> new IndicatorCatalogue(json, "file:" + dir + "/*.json"))
                .hasMessageContaining("one condition");
    }
}
