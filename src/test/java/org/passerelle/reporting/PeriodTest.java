package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;

class PeriodTest {

    @Test
    void namesMonthsQuartersAndYearsAsDhis2AndAdxDo() {
        Period march = Period.of("2026-03", null, null);
        assertThat(march.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.dhis2()).contains("202603");
        assertThat(march.adx()).isEqualTo("2026-03-01/P1M");
        Period q4 = Period.of("2025-Q4", null, null);
        assertThat(q4.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(q4.dhis2()).contains("2025Q4");
        assertThat(Period.of("2024", null, null).adx()).isEqualTo("2024-01-01/P1Y");
        Period custom = Period.of(null, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 14));
        assertThat(custom.dhis2()).isEmpty();
        assertThat(custom.adx()).isEqualTo("2026-01-05/P10D");
    }

    @Test
    void refusesWhatIsNoPeriod() {
        for (String code : new String[] {"2026-00", "2026-Q0", "26", "2026-1", "2026-03-01"}) {
            assertThatThrownBy(() -> Period.of(code, null, null))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("bad-period");
        }
        assertThatThrownBy(() -> Period.of(null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Period.of(null, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void namesThePeriodsTheTalliesKeep() {
        assertThat(ReportEngine.tallied(Period.of("2025", null, null))).contains("2025");
        assertThat(ReportEngine.tallied(Period.of("2025-Q3", null, null))).contains("2025-Q3");
        assertThat(ReportEngine.tallied(Period.of("2025-11", null, null))).contains("2025-11");
        assertThat(ReportEngine.tallied(Period.of(null, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30))))
                .as("a custom period that is a quarter")
                .contains("2025-Q2");
        assertThat(ReportEngine.tallied(Period.of(null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30))))
                .as("three months across quarters")
                .isEmpty();
        assertThat(ReportEngine.tallied(Period.of(null, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 31))))
                .isEmpty();
    }
}
