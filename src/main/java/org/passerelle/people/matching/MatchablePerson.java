package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * A person prepared for comparison once: the distinct canonical tokens of all their names with
 * their phonetic keys, and the keys of adjacent words joined, so that "Ben Ali" can meet "Benali".
 *
 * @param joinedKeys phonetic keys of each pair of adjacent words of a name, written as one word
 */
public record MatchablePerson(
        String id,
        List<NameToken> tokens,
        List<String> joinedKeys,
        Sex sex,
        @Nullable BirthDate birthDate,
        @Nullable String country) {

    public MatchablePerson {
        tokens = List.copyOf(tokens);
        joinedKeys = List.copyOf(joinedKeys);
    }

    public static MatchablePerson of(PersonRecord person) {
        Map<String, NameToken> tokens = new LinkedHashMap<>();
        Set<String> joined = new LinkedHashSet<>();
        for (String name : person.names()) {
            String folded = NameFolding.fold(name);
            List<String> canonical = NameTokens.canonical(folded);
            canonical.forEach(token -> tokens.computeIfAbsent(token, NameToken::of));
            addJoinedKeys(List.of(folded.split(" ")), joined);
            addJoinedKeys(canonical, joined);
        }
        String country = person.country() == null || person.country().isBlank() ? null : person.country();
        return new MatchablePerson(
                person.id(),
                new ArrayList<>(tokens.values()),
                new ArrayList<>(joined),
                person.sex(),
                person.birthDate(),
                country);
    }

    /** The distinct canonical tokens of one name, as {@link #of} makes them. */
    static List<NameToken> tokensOf(String name) {
        return NameTokens.canonical(NameFolding.fold(name)).stream()
                .distinct()
                .map(NameToken::of)
                .toList();
    }

    private static void addJoinedKeys(List<String> words, Set<String> joined) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String key = PhoneticKey.of(NameTokens.canonicalWord(words.get(i) + words.get(i + 1)));
            if (key.length() >= 3) {
                joined.add(key);
            }
        }
    }
}
