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
import org.passerelle.people.matching.NameToken;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.StringSimilarity;
import org.passerelle.people.matching.VariantKey;

/**
 * Why a search by name found each person, how likely each is the one sought, and in which order to
 * show them. Every person found, whether their names start with the words typed or they were found
 * under another spelling, is explained by the engine under the {@link #MODEL search model} (the
 * level and weight of each field, and which of their names is closest to what was typed).
 *
 * <p>The probability shown is calibrated over the persons found ({@link #calibrated}): each person's
 * likelihood ({@link #likelihood}: how well every word typed agrees with one of their names, times
 * the engine's Bayes factors of birth date and sex) against the sum over all the persons the words
 * find and the chance that the person sought is none of them. A word carried by 13 persons gives
 * each about one in 13; an exact name and birth date carried by one person, nearly one.
 */
final class SearchMatches {

    static final Linker<MatchablePerson> LINKER = PersonMatching.linker();

    /**
     * A search gives names and at most a birth year or an age, so missing fields say nothing; a
     * person typed in the search box is more often there than a new registration is, hence a higher
     * prior than the registration check's.
     */
    static final FellegiSunterModel MODEL = PersonMatching.defaultModel(0.1);

    private static final String NAMES = "names";

    /** How much a word typed weighs as found in a name: exactly, begun, sounding alike, alike, not. */
    static final double EXACT = 1;

    static final double BEGUN = 0.6;
    static final double SOUNDS_ALIKE = 0.5;
    static final double VARIANT = 0.3;
    static final double ALIKE = 0.2;
    static final double ABSENT = 0.005;

    /**
     * The weight of the person sought being none of those found (not registered, or under a name the
     * words do not find): against it, a single person found by one exact word is two in three.
     */
    static final double NONE_OF_THEM = 0.5;

    /** Tokens at least this similar (Jaro-Winkler) count as alike, as the engine pairs them. */
    private static final double SIMILAR = 0.88;

    private SearchMatches() {}

    /**
     * How likely {@code compared} is the person sought, up to a factor common to all: per word typed,
     * how well it agrees with the closest of their name tokens, times the Bayes factor (2 to the
     * weight) of every other field the engine compared.
     */
    static double likelihood(MatchablePerson probe, MatchablePerson compared, MatchExplanation explanation) {
        double likelihood = 1;
        for (NameToken typed : probe.tokens()) {
            double best = ABSENT;
            for (NameToken token : compared.tokens()) {
                best = Math.max(best, agreement(typed, token));
            }
            likelihood *= best;
        }
        for (MatchExplanation.Contribution field : explanation.contributions()) {
            if (!field.field().equals(NAMES)) {
                likelihood *= Math.pow(2, field.weight());
            }
        }
        return likelihood;
    }

    /** How well a word typed agrees with one name token: {@link #EXACT} down to {@link #ABSENT}. */
    static double agreement(NameToken typed, NameToken token) {
        if (typed.text().equals(token.text())) {
            return EXACT;
        }
        if (typed.text().length() >= NameIndex.SHORTEST_PREFIX && token.text().startsWith(typed.text())) {
            return BEGUN;
        }
        // among spellings that sound alike, the closest in letters first: Mohammed before Mahamat
        if (typed.key().length() >= 2 && typed.key().equals(token.key())) {
            return SOUNDS_ALIKE * StringSimilarity.jaroWinkler(typed.text(), token.text());
        }
        String variant = VariantKey.of(typed.text());
        if (variant.length() >= 2 && VariantKey.of(token.text()).startsWith(variant)) {
            return VARIANT * StringSimilarity.jaroWinkler(typed.text(), token.text());
        }
        return NameComparison.similarity(typed, token) >= SIMILAR ? ALIKE : ABSENT;
    }

    /**
     * The persons found with their probability of being the one sought: each one's likelihood over
     * the sum of all the likelihoods, {@code unseen} (those of the persons the words find beyond the
     * ones fetched) and {@link #NONE_OF_THEM}.
     */
    static List<PersonSummary> calibrated(List<Found> found, double unseen) {
        double total = NONE_OF_THEM + unseen;
        for (Found one : found) {
            total += one.likelihood();
        }
        List<PersonSummary> calibrated = new ArrayList<>(found.size());
        for (Found one : found) {
            SearchMatch match = one.match();
            calibrated.add(one.person()
                    .withMatch(new SearchMatch(one.likelihood() / total, match.matchedName(), match.reasons())));
        }
        return calibrated;
    }

    /** A person found, how the engine explains it, and their likelihood of being the one sought. */
    record Found(PersonSummary person, SearchMatch match, double likelihood) {}

    /** A person found for {@code probe}, explained and weighed. */
    static Found found(MatchablePerson probe, MatchablePerson compared, PersonSummary person) {
        MatchExplanation explanation = LINKER.explain(probe, compared, MODEL);
        return new Found(person, of(probe, person, explanation), likelihood(probe, compared, explanation));
    }

    /** How {@code person} matches the search {@code probe}, as the engine explains it. */
    private static SearchMatch of(MatchablePerson probe, PersonSummary person, MatchExplanation explanation) {
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
     * then by chosen name, then by id (a stable order).
     */
    static Comparator<PersonSummary> ranking(List<String> words) {
        // each person's whole-word count once, not at every comparison of the sort
        java.util.Map<java.util.UUID, Integer> wholeWords = new java.util.HashMap<>();
        return Comparator.comparingDouble(SearchMatches::probability)
                .reversed()
                .thenComparing(Comparator.comparingInt((PersonSummary person) ->
                                wholeWords.computeIfAbsent(person.id(), id -> wholeWordMatches(person, words)))
                        .reversed())
                .thenComparing(PersonSummary::chosenName, String.CASE_INSENSITIVE_ORDER)
                // namesakes in the same order at every search, whatever order the index gave them in
                .thenComparing(PersonSummary::id);
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
