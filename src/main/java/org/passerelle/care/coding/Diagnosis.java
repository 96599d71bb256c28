package org.passerelle.care.coding;

import java.util.List;

/**
 * One ICD-10 diagnosis of the catalogue.
 *
 * @param code the ICD-10 code, such as {@code B86} or {@code F43.1}
 * @param chapter the Roman numeral of its chapter
 * @param block the block of categories it belongs to, such as {@code B85-B89}
 * @param labels its title in each language
 * @param words other words it is found by in each language (lay terms, abbreviations)
 */
public record Diagnosis(String code, String chapter, String block, Labels labels, SearchWords words) {

    /** Words a diagnosis is found by besides its title, in each language. */
    public record SearchWords(List<String> fr, List<String> en, List<String> ar) {

        public SearchWords {
            fr = List.copyOf(fr);
            en = List.copyOf(en);
            ar = List.copyOf(ar);
        }

        List<String> all() {
            return java.util.stream.Stream.of(fr, en, ar).flatMap(List::stream).toList();
        }
    }
}
