package org.passerelle.people;

import java.util.List;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.platform.Language;

/**
 * A whole personal data export before it is laid out: a title, the paragraphs that explain it,
 * what identifies the document (patient code, when and by whom it was made), then the sections of
 * every source, and what is printed at the foot of each page (never the person's name).
 */
record PersonalDataDocument(
        Language language,
        String title,
        List<String> introduction,
        List<Fact> about,
        List<Section> sections,
        String footer,
        String pageFooter) {

    PersonalDataDocument {
        introduction = List.copyOf(introduction);
        about = List.copyOf(about);
        sections = List.copyOf(sections);
    }

    /**
     * Whether a value reads right to left: its first letter is Arabic or Hebrew. A value without any
     * letter (a phone number, a date in digits, a dash) reads left to right, so that its digits keep
     * their order in an Arabic document too.
     */
    static boolean readsRightToLeft(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return false;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return true;
                default:
                    i += Character.charCount(codePoint);
            }
        }
        return false;
    }

    /** The line at the foot of a printed page: {@code pageFooter} with {@code {page}} the page number. */
    String footerLine(int page) {
        return pageFooter.replace("{page}", Integer.toString(page));
    }
}
