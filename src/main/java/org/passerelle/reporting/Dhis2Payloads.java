package org.passerelle.reporting;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.Dhis2Views.DataElementRow;
import org.passerelle.reporting.ReportViews.Figures;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data values of a period as DHIS2 takes them: dataValueSets JSON ({@code POST
 * /api/dataValueSets}, identifiers as codes) and ADX XML ({@code urn:ihe:qrph:adx:2015}).
 */
final class Dhis2Payloads {

    /**
     * One data value.
     *
     * @param categoryOption the category option for ADX, with the disaggregation it splits
     */
    record DataValue(
            String dataElement,
            String period,
            String orgUnit,
            @Nullable String categoryOptionCombo,
            @Nullable String disaggregation,
            @Nullable String categoryOption,
            long value) {}

    /** The values to send and how many small counts were left out. */
    record Values(List<DataValue> values, int suppressed) {}

    private Dhis2Payloads() {}

    /**
     * The values of one site's figures under the mapping; small counts are left out, and so is the
     * cell beside a lone small count from which it could be worked out.
     */
    static List<DataValue> values(
            List<Figures> figures,
            List<DataElementRow> mapping,
            String period,
            String orgUnit,
            Suppression suppression,
            int[] suppressed) {
        Map<String, Figures> byCode = new LinkedHashMap<>();
        figures.forEach(f -> byCode.put(f.code(), f));
        List<DataValue> values = new ArrayList<>();
        for (DataElementRow row : mapping) {
            Figures f = byCode.get(row.indicator());
            if (f == null) {
                continue;
            }
            boolean total = row.disaggregation().equals("TOTAL");
            long value = total
                    ? f.total()
                    : f.of(Dimension.valueOf(row.disaggregation())).getOrDefault(row.category(), 0L);
            if (suppression.hides(value)
                    || (!total
                            && suppression
                                    .withheld(f.of(Dimension.valueOf(row.disaggregation())))
                                    .contains(row.category()))) {
                suppressed[0]++;
                continue;
            }
            values.add(new DataValue(
                    row.dataElement(),
                    period,
                    orgUnit,
                    row.categoryOptionCombo(),
                    total ? null : row.disaggregation(),
                    row.categoryOption(),
                    value));
        }
        return values;
    }

    /** A dataValueSets document: the data set, if any, then each value with its period and org unit. */
    static String dataValueSet(List<DataValue> values, @Nullable String dataSet, JsonMapper json) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (dataSet != null) {
            document.put("dataSet", dataSet);
        }
        List<Map<String, String>> dataValues = new ArrayList<>();
        for (DataValue value : values) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("dataElement", value.dataElement());
            v.put("period", value.period());
            v.put("orgUnit", value.orgUnit());
            if (value.categoryOptionCombo() != null) {
                v.put("categoryOptionCombo", value.categoryOptionCombo());
            }
            v.put("value", Long.toString(value.value()));
            dataValues.add(v);
        }
        document.put("dataValues", dataValues);
        return json.writeValueAsString(document);
    }

    /**
     * An ADX document: one group per org unit, its period as start and duration, disaggregated
     * values carrying their category as an attribute named by the DHIS2 category code.
     */
    static String adx(
            List<DataValue> values,
            String adxPeriod,
            @Nullable String dataSet,
            Map<String, String> categories,
            Instant exported) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("adx");
            xml.writeDefaultNamespace("urn:ihe:qrph:adx:2015");
            xml.writeAttribute(
                    "exported", exported.truncatedTo(ChronoUnit.SECONDS).toString());
            Map<String, List<DataValue>> byOrgUnit = new LinkedHashMap<>();
            values.forEach(v -> byOrgUnit
                    .computeIfAbsent(v.orgUnit(), k -> new ArrayList<>())
                    .add(v));
            for (Map.Entry<String, List<DataValue>> group : byOrgUnit.entrySet()) {
                xml.writeStartElement("group");
                xml.writeAttribute("orgUnit", group.getKey());
                xml.writeAttribute("period", adxPeriod);
                if (dataSet != null) {
                    xml.writeAttribute("dataSet", dataSet);
                }
                for (DataValue value : group.getValue()) {
                    xml.writeEmptyElement("dataValue");
                    xml.writeAttribute("dataElement", value.dataElement());
                    String disaggregation = value.disaggregation();
                    String option = value.categoryOption();
                    if (disaggregation != null && option != null) {
                        xml.writeAttribute(
                                Objects.requireNonNullElse(categories.get(disaggregation), disaggregation), option);
                    }
                    xml.writeAttribute("value", Long.toString(value.value()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
