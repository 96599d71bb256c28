package org.passerelle.people;

import java.util.List;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;

/**
 * A whole personal data export before it is laid out: a title, the paragraphs that explain it,
 * what identifies the document (patient code, when and by whom it was made), then the sections of
 * every source, and what is printed at the foot of each page (never the person's name).
 */
record PersonalDataDocument(
        ExportLanguage language,
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

    /** The line at the foot of a printed page: {@code pageFooter} with {@code {page}} the page number. */
    String footerLine(int page) {
        return pageFooter.replace("{page}", Integer.toString(page));
    }
}
