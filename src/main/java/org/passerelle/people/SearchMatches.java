package org.passerelle.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.people.PersonViews.MatchReason;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.PersonViews.SearchMatch;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.Linker;
import org.passerelle.people.matching.MatchExplanation;
import org.passerelle.people.matching.MatchablePerson;
import org.passerelle.people.matching.NameComparison;
import org.passerelle.people.matching.PersonMatching;

/**
 * Why a search by name found each person, and in which order to show them. Every person found,
 * whether their names start with the words typed or the engine found them under another spelling,
 * is scored by the engine under the {@link #MODEL search model}: its probability, the level and
 * weight of each field, and which of their names is closest to what was typed.
 */
final class SearchMatches {

    static final Linker<MatchablePerson> LINKER = PersonMatching.linker();

    /**
     * A search gives names and at most a birth year or an age, so missing fields say nothing; a
     * person typed in the search box is more often there than a new registration is, hence a higher
     * prior than the registration check's.
     */
    static final FellegiSunterModel MODEL = PersonMatching.defaultModel(0.1);

    private SearchMatches() {}

    /** How {@code person} (as the engine sees them: {@code compared}) matches the search {@code probe}. */
    static SearchMatch of(MatchablePerson probe, MatchablePerson compared, PersonSummary person) {
        MatchExplanation explanation = LINKER.explain(probe, compared, MODEL);
        List<String> names = new ArrayList<>();
        names.add(person.chosenName());
        names.addAll(person.otherNames());
        return new SearchMatch(
                explanation.probability(), names.get(NameComparison.closestName(probe, names)), reasons(explanation));
    }

    /** The engine's explanation, field by field, as the API shows it. */
    static List<MatchReason> reasons(MatchExplanation explanation) {
        return explanation.contributions().stream()
                .map(c -> new MatchReason(c.field(), c.level(), c.weight()))
                .toList();
    }

    /**
     * Most probable first; among equally probable persons, those with more of the words typed as
     * whole words of their names ("mohamed" ranks Mohamed before Mahamat, "ali" Ali before Alimou),
     * then by chosen name.
     */
    static Comparator<PersonSummary> ranking(List<String> words) {
        // each person's whole-word count once, not at every comparison of the sort
        java.util.Map<java.util.UUID, Integer> wholeWords = new java.util.HashMap<>();
        return Comparator.comparingDouble(SearchMatches::probability)
                .reversed()
                .thenComparing(Comparator.comparingInt((PersonSummary person) ->
                                wholeWords.computeIfAbsent(person.id(), id -> wholeWordMatches(person, words)))
                        .reversed())
                .thenComparing(PersonSummary::chosenName, String.CASE_INSENSITIVE_ORDER);
    }

    private static double probability(PersonSummary person) {
        SearchMatch match = person.match();
        return match == null ? 0 : match.probability();
    }

    /** How many query words are whole words of the person's names. */
    static int wholeWordMatches(PersonSummary found, List<String> words) {
        Set<String> nameWords = new HashSet<>(SearchText.tokens(found.chosenName()));
        found.otherNames().forEach(name -> nameWords.addAll(SearchText.tokens(name)));
        return (int) words.stream().filter(nameWords::contains).count();
    }
}
