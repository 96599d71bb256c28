package org.passerelle.care.coding;

/**
 * A chapter of ICD-10: its Roman numeral, the first and last three-character categories it holds
 * (such as {@code A00} and {@code B99}) and its title.
 */
public record Chapter(String numeral, String first, String last, Labels title) {

    /** Whether a code or a category falls within this chapter. */
    public boolean contains(String code) {
        String category = code.substring(0, 3);
        return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
    }
}
