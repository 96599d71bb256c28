package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * A person prepared for comparison once: the distinct canonical tokens of all their names with
 * their phonetic keys, and the keys of adjacent words joined, so that "Ben Ali" can meet "Benali".
 * It also keeps them as arrays and the birth date as numbers ({@link BirthDateComparison.Prepared}),
 * so that comparing two persons allocates nothing.
 */
public final class MatchablePerson {

    private final String id;
    private final List<NameToken> tokens;
    private final List<String> joinedKeys;
    private final Sex sex;
    private final @Nullable BirthDate birthDate;
    private final @Nullable String country;

    final NameToken[] tokenArray;
    final String[] joinedKeyArray;
    final int tokenCount;
    final long[] nameCodes;
    final BirthDateComparison.@Nullable Prepared preparedBirthDate;

    /**
     * @param joinedKeys phonetic keys of each pair of adjacent words of a name, written as one word
     */
    public MatchablePerson(
            String id,
            List<NameToken> tokens,
            List<String> joinedKeys,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable String country) {
        this.id = id;
        this.tokens = List.copyOf(tokens);
        this.joinedKeys = List.copyOf(joinedKeys);
        this.sex = sex;
        this.birthDate = birthDate;
        this.country = country;
        this.tokenArray = this.tokens.toArray(NameToken[]::new);
        this.joinedKeyArray = this.joinedKeys.toArray(String[]::new);
        this.tokenCount = tokenArray.length;
        this.nameCodes = NameCodes.codes(tokenArray, joinedKeyArray);
        this.preparedBirthDate = birthDate == null ? null : BirthDateComparison.Prepared.of(birthDate);
    }

    public static MatchablePerson of(PersonRecord person) {
        List<NameToken> tokens = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (String name : person.names()) {
            String[] words = NameTokens.words(NameFolding.fold(name));
            canonical.clear();
            for (String word : NameTokens.joined(words)) {
                NameToken token = NameCache.token(word);
                if (!token.text().isEmpty()) {
                    canonical.add(token.text());
                    addToken(token, tokens);
                }
            }
            List<String> folded = Arrays.asList(words);
            addJoinedKeys(folded, joined);
            if (!canonical.equals(folded)) {
                addJoinedKeys(canonical, joined);
            }
        }
        String country = person.country() == null || person.country().isBlank() ? null : person.country();
        return new MatchablePerson(person.id(), tokens, joined, person.sex(), person.birthDate(), country);
    }

    /** The distinct canonical tokens of one name, as {@link #of} makes them. */
    static List<NameToken> tokensOf(String name) {
        return NameTokens.canonical(NameFolding.fold(name)).stream()
                .distinct()
                .map(NameToken::of)
                .toList();
    }

    /** Adds a token unless one with the same text is there: a person has a few tokens at most. */
    private static void addToken(NameToken token, List<NameToken> tokens) {
        for (NameToken t : tokens) {
            if (t.text().equals(token.text())) {
                return;
            }
        }
        tokens.add(token);
    }

    private static void addJoinedKeys(List<String> words, List<String> joined) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String key = NameCache.joinedKey(words.get(i), words.get(i + 1));
            if (key.length() >= 3 && !joined.contains(key)) {
                joined.add(key);
            }
        }
    }

    public String id() {
        return id;
    }

    public List<NameToken> tokens() {
        return tokens;
    }

    /** Phonetic keys of each pair of adjacent words of a name, written as one word. */
    public List<String> joinedKeys() {
        return joinedKeys;
    }

    public Sex sex() {
        return sex;
    }

    public @Nullable BirthDate birthDate() {
        return birthDate;
    }

    public @Nullable String country() {
        return country;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MatchablePerson that
                && id.equals(that.id)
                && tokens.equals(that.tokens)
                && joinedKeys.equals(that.joinedKeys)
                && sex == that.sex
                && Objects.equals(birthDate, that.birthDate)
                && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tokens, joinedKeys, sex, birthDate, country);
    }

    @Override
    public String toString() {
        return "MatchablePerson[id=" + id + ", tokens=" + tokens + ", joinedKeys=" + joinedKeys + ", sex=" + sex
                + ", birthDate=" + birthDate + ", country=" + country + "]";
    }
}
