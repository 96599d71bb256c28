package org.passerelle.people;

import java.util.List;
import java.util.UUID;

/**
 * What a module holds about a person, for the export a person is entitled to (right of access).
 * Every module that keeps personal data implements it in a Spring bean; the export of the people
 * module collects the sections of every source, in the beans' {@link org.springframework.core.annotation.Order}
 * (identity first, the access log last), without knowing the modules that contribute them.
 *
 * <p>A source is called inside the export's transaction, after the user's role, their recent
 * re-authentication and the person's existence were checked and the export was audited: it reads
 * through its own module's repositories and writes no audit line of its own. It must hand out
 * everything its module holds about the person, never a sample.
 */
public interface PersonalDataSource {

    /**
     * The sections about this person, with labels, values and dates already written in the
     * document's language ({@link PersonalDataTexts#language()}); empty when the module holds nothing.
     */
    List<PersonalData.Section> sections(UUID personId, PersonalDataTexts texts);
}
