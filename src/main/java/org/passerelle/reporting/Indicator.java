package org.passerelle.reporting;

import java.util.List;
import java.util.Map;

/**
 * An indicator as declared in a catalogue resource.
 *
 * @param code stable code, upper case, used in URLs, exports and the DHIS2 mapping
 * @param source the fact relation counted ({@code schema.table} or view)
 * @param measure what is counted
 * @param filter a SQL condition on the fact relation's columns, from the catalogue resource (never
 *     from a request)
 * @param disaggregations the ways its figure may be split
 * @param names the name in each UI language ({@code fr}, {@code en}, {@code ar})
 * @param definitions what exactly is counted, in each UI language
 */
public record Indicator(
        String code,
        String source,
        Measure measure,
        String filter,
        List<Dimension> disaggregations,
        Map<String, String> names,
        Map<String, String> definitions) {

    /** The name in this language, or in English when it has none. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("en", code));
    }
}
