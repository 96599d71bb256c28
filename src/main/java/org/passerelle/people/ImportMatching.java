package org.passerelle.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.Linker;
import org.passerelle.people.matching.MatchablePerson;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.people.matching.ScoredPair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The likely duplicates of persons about to be imported, found by the matching engine the registry
 * uses before a registration ({@link PersonRegistry#likelyMatches}): among the persons of the file
 * and against the registry, for many persons at once (a few queries per thousand persons rather
 * than one look-up each). It checks no role and writes no audit line: the caller does both.
 */
@Service
public class ImportMatching {

    /** Persons looked up against the registry in one query. */
    private static final int CHUNK = 1_000;

    /** The persons sharing most match keys with one imported person that are compared with them. */
    private static final int CANDIDATES = 200;

    /** The likely persons kept for each imported person. */
    private static final int KEPT = 3;

    private static final Linker<MatchablePerson> LINKER = PersonMatching.linker();
    private static final FellegiSunterModel MODEL = PersonMatching.defaultModel();

    /**
     * A person of the registry likely to be one being imported, as a search shows a person outside
     * the user's scope: chosen name, sex and age, never their other details.
     */
    public record ExistingPerson(
            UUID personId,
            String chosenName,
            Sex sex,
            @Nullable Integer age,
            double probability) {}

    /** Two persons of the file likely to be the same person, by their positions in the list. */
    public record PairInFile(int first, int second, double probability) {}

    private final JdbcClient jdbc;
    private final PersonRepository persons;
    private final MatchIndex matchIndex;

    ImportMatching(JdbcClient jdbc, PersonRepository persons, MatchIndex matchIndex) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.matchIndex = matchIndex;
    }

    /** The pairs of persons of the list at least as likely to be one person as before a registration. */
    public List<PairInFile> withinFile(List<PersonImport.ImportedPerson> imported) {
        List<MatchablePerson> matchable = imported.stream()
                .map(ImportMatching::record)
                .map(MatchablePerson::of)
                .toList();
        return LINKER.deduplicate(matchable, MODEL, MODEL.scoreFor(PersonRegistry.LIKELY)).stream()
                .map(pair -> new PairInFile(
                        Math.min(pair.first(), pair.second()),
                        Math.max(pair.first(), pair.second()),
                        pair.probability()))
                .toList();
    }

    /**
     * For each person of the list, in the same order, the live persons of the registry at least as
     * likely to be them as before a registration, most likely first (at most three).
     */
    @Transactional(readOnly = true)
    public List<List<ExistingPerson>> againstRegistry(List<PersonImport.ImportedPerson> imported, LocalDate today) {
        List<PersonRecord> records =
                imported.stream().map(ImportMatching::record).toList();
        List<List<ExistingPerson>> found = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += CHUNK) {
            found.addAll(chunk(records.subList(from, Math.min(records.size(), from + CHUNK)), today));
        }
        return found;
    }

    private List<List<ExistingPerson>> chunk(List<PersonRecord> records, LocalDate today) {
        Map<Integer, List<UUID>> candidates = candidates(records);
        Set<UUID> all = new HashSet<>();
        candidates.values().forEach(all::addAll);
        Map<UUID, PersonRepository.Row> rows = new HashMap<>();
        persons.findAllById(List.copyOf(all)).forEach(row -> rows.put(row.id(), row));
        Map<UUID, List<OtherName>> names = persons.otherNames(List.copyOf(rows.keySet()));
        Map<UUID, MatchablePerson> matchable = new HashMap<>();
        rows.values()
                .forEach(row -> matchable.put(
                        row.id(), MatchablePerson.of(persons.matchable(row, names.getOrDefault(row.id(), List.of())))));
        List<List<ExistingPerson>> found = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            List<PersonRepository.Row> compared = candidates.getOrDefault(i, List.of()).stream()
                    .map(rows::get)
                    .filter(row -> row != null)
                    .toList();
            List<MatchablePerson> against =
                    compared.stream().map(row -> matchable.get(row.id())).toList();
            List<ScoredPair> pairs = LINKER.lookUp(
                    MatchablePerson.of(records.get(i)), against, MODEL, MODEL.scoreFor(PersonRegistry.LIKELY));
            found.add(pairs.stream()
                    .limit(KEPT)
                    .map(pair -> existing(compared.get(pair.second()), pair.probability(), today))
                    .toList());
        }
        return found;
    }

    /** What the engine compares of a person to import, as {@link PersonRepository#matchable} for a stored one. */
    static PersonRecord record(PersonImport.ImportedPerson person) {
        List<String> names = new ArrayList<>();
        names.add(person.chosenName());
        person.otherNames().forEach(name -> names.add(name.name()));
        return new PersonRecord(
                person.id().toString(), names, person.sex(), person.birthDate(), person.countryOfOrigin());
    }

    private static ExistingPerson existing(PersonRepository.Row row, double probability, LocalDate today) {
        BirthDate birthDate = row.birthDate();
        return new ExistingPerson(
                row.id(), row.chosenName(), row.sex(), birthDate == null ? null : birthDate.ageOn(today), probability);
    }

    /** For each position in the list, the persons sharing most match keys with it. */
    private Map<Integer, List<UUID>> candidates(List<PersonRecord> records) {
        List<Integer> positions = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (byte[] key : matchIndex.keysOf(records.get(i))) {
                positions.add(i);
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        record Shared(int position, UUID personId, long keys) {}
        List<Shared> shared = jdbc.sql("""
                        select q.position, k.person_id, count(*) as keys
                          from unnest(?::int[], ?::bytea[]) as q(position, key)
                          join people.person_match_key k on k.key = q.key
                          join people.person p on p.id = k.person_id
                         where p.deleted_at is null and p.merged_into is null
                         group by q.position, k.person_id
                        """)
                .params(positions.toArray(Integer[]::new), keys.toArray(byte[][]::new))
                .query(Shared.class)
                .list();
        Map<Integer, List<Shared>> byPosition = new HashMap<>();
        shared.forEach(one -> byPosition
                .computeIfAbsent(one.position(), p -> new ArrayList<>())
                .add(one));
        Map<Integer, List<UUID>> candidates = new HashMap<>();
        byPosition.forEach((position, list) -> candidates.put(
                position,
                list.stream()
                        .sorted(Comparator.comparingLong(Shared::keys).reversed())
                        .limit(CANDIDATES)
                        .map(Shared::personId)
                        .toList()));
        return candidates;
    }
}
