package org.passerelle.care.coding;

import java.math.BigDecimal;
import java.util.List;
import org.passerelle.platform.Language;

/**
 * One presentation of a medicine in the formulary: a substance (or a fixed combination) in a form
 * and strength, and the unit its doses are counted in.
 *
 * @param code our stable code, such as {@code amoxicillin-500-caps}
 * @param atc the WHO ATC code, such as {@code J01CA04}
 * @param nameFr the international non-proprietary name in French, as on boxes in France
 * @param nameEn the international non-proprietary name in English
 * @param strength the strength as printed, such as {@code 500 mg} or {@code 250 mg/5 ml}
 * @param words brand names and other words it is found by
 */
public record Medicine(
        String code,
        String atc,
        String nameFr,
        String nameEn,
        Form form,
        String strength,
        DoseUnit unit,
        List<String> words) {

    public Medicine {
        words = List.copyOf(words);
    }

    /**
     * The name to print for a reader of this language: in English for English, in French otherwise,
     * as an Arabic-speaking person in France finds it on the box.
     */
    public String name(Language language) {
        return language == Language.EN ? nameEn : nameFr;
    }

    /** A pharmaceutical form: tablet, oral suspension, cream... */
    public record Form(String code, Labels labels) {}

    /** What a dose is counted in: tablets, millilitres, sachets, puffs... */
    public record DoseUnit(String code, Labels one, Labels other) {

        /**
         * The unit's name after an amount: singular below 2 in French, up to 1 in English, and in
         * Arabic the plural from 3 to 10 (and, for want of the dual, for 2) and the singular otherwise.
         */
        public String label(Language language, BigDecimal amount) {
            boolean plural = switch (language) {
                case FR -> amount.compareTo(BigDecimal.TWO) >= 0;
                case EN -> amount.compareTo(BigDecimal.ONE) > 0;
                case AR -> amount.compareTo(BigDecimal.TWO) >= 0 && amount.compareTo(BigDecimal.TEN) <= 0;
            };
            return (plural ? other : one).in(language);
        }
    }
}
