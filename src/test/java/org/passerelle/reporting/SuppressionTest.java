package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.reporting.Dhis2Views.DataElementRow;
import org.passerelle.reporting.ReportViews.Figures;

class SuppressionTest {

    private final Suppression suppression = new Suppression(5);

    private static Map<String, Long> cells(Object... pairs) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
        }
        return cells;
    }

    @Test
    void hidesSmallCountsButNotZero() {
        assertThat(suppression.show(0)).isEqualTo("0");
        assertThat(suppression.show(4)).isEqualTo("<5");
        assertThat(suppression.show(5)).isEqualTo("5");
        assertThat(new Suppression(0).show(1)).isEqualTo("1");
    }

    @Test
    void withholdsTheSmallestOtherCellBesideALoneSmallCount() {
        assertThat(suppression.withheld(cells("F", 7, "M", 2, "O", 0, "U", 12)))
                .as("the total less F and U would give M away")
                .containsExactlyInAnyOrder("M", "F");
        assertThat(suppression.withheld(cells("F", 7, "M", 2, "O", 3, "U", 12)))
                .as("two small counts cover each other")
                .containsExactlyInAnyOrder("M", "O");
        assertThat(suppression.withheld(cells("F", 7, "M", 9))).isEmpty();
        assertThat(suppression.withheld(cells("F", 3, "M", 0))).containsExactly("F");
        assertThat(suppression.show(7, true)).isEqualTo(Suppression.WITHHELD);
        assertThat(suppression.show(2, true)).isEqualTo("<5");
    }

    @Test
    void exportTablesWithholdAlongWhatAddsUp() {
        ReportTable bySex = new ReportTable(
                "by-sex",
                "",
                List.of("", "F", "M", "Total"),
                List.of(new ReportTable.Row("A", List.of(7L, 2L, 9L)), new ReportTable.Row("B", List.of(8L, 9L, 17L))),
                ReportTable.Sums.ROWS);
        assertThat(bySex.withheld(suppression))
                .as("row A's two cells, not its total")
                .containsExactlyInAnyOrder(0, 1);
        ReportTable bySite = new ReportTable(
                "sites",
                "",
                List.of("", "A", "B"),
                List.of(new ReportTable.Row("S1", List.of(3L, 8L)), new ReportTable.Row("S2", List.of(6L, 9L))),
                ReportTable.Sums.COLUMNS);
        assertThat(bySite.withheld(suppression)).as("column A: both sites").containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void leavesOutOfDhis2TheCellThatWouldGiveASmallCountAway() {
        Figures figures = new Figures(
                "OUTPATIENT_CONSULTATIONS", 9, Map.of(Dimension.SEX, Map.of("FEMALE", 7L, "MALE", 2L)), Map.of());
        List<DataElementRow> mapping = List.of(
                new DataElementRow("OUTPATIENT_CONSULTATIONS", "TOTAL", "", "OPD", null, null),
                new DataElementRow("OUTPATIENT_CONSULTATIONS", "SEX", "FEMALE", "OPD", "COC_F", "F"),
                new DataElementRow("OUTPATIENT_CONSULTATIONS", "SEX", "MALE", "OPD", "COC_M", "M"));
        int[] suppressed = {0};
        List<Dhis2Payloads.DataValue> values =
                Dhis2Payloads.values(List.of(figures), mapping, "202504", "OU", suppression, suppressed);
        assertThat(values).extracting(Dhis2Payloads.DataValue::value).containsExactly(9L);
        assertThat(suppressed[0]).isEqualTo(2);
    }
}
