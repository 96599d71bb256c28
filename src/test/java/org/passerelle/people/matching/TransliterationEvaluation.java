package org.passerelle.people.matching;

import java.util.List;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/** Deduplicates the kept transliteration set with the person configuration and measures it. */
final class TransliterationEvaluation {

    static final long SEED = 7L;

    private TransliterationEvaluation() {}

    static Febrl.Result run(List<SetRecord> records) {
        List<MatchablePerson> persons = records.stream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        Linker<MatchablePerson> linker = PersonMatching.linker();
        Linker.Training training = linker.trainDeduplication(persons, SEED);
        List<ScoredPair> scored = linker.deduplicate(persons, training.model(), Double.NEGATIVE_INFINITY);
        long actual = Evaluation.truePairsWithin(records, SetRecord::person);
        Evaluation evaluation = Evaluation.of(
                scored,
                training.model(),
                actual,
                (a, b) -> records.get(a).person() == records.get(b).person());
        return new Febrl.Result("transliteration set deduplication", evaluation, training.model(), training);
    }

    public static void main(String[] args) {
        List<SetRecord> records = SetRecordFile.read(SetRecordFile.readResource());
        Febrl.Result result = run(records);
        System.out.println(result.name() + " (" + records.size() + " records, EM "
                + result.training().iterations() + " iterations)");
        System.out.println("  " + result.evaluation());
        System.out.println(result.model());
        {
            List<MatchablePerson> persons = records.stream()
                    .map(r -> MatchablePerson.of(r.toPersonRecord()))
                    .toList();
            Linker<MatchablePerson> linker = PersonMatching.linker();
            FellegiSunterModel labelled = linker.trainFromLabels(
                    persons, (a, b) -> records.get(a).person() == records.get(b).person());
            var scored = linker.deduplicate(persons, labelled, Double.NEGATIVE_INFINITY);
            System.out.println("LABELLED "
                    + Evaluation.of(
                            scored,
                            labelled,
                            Evaluation.truePairsWithin(records, SetRecord::person),
                            (a, b) -> records.get(a).person() == records.get(b).person()));
            System.out.println(labelled);
            if (args.length > 0) {
                double threshold = labelled.scoreFor(0.5);
                int shown = 0;
                for (ScoredPair p : scored) {
                    boolean match = records.get(p.first()).person()
                            == records.get(p.second()).person();
                    boolean predicted = p.score() >= threshold;
                    if (match != predicted && shown++ < Integer.parseInt(args[0])) {
                        System.out.println((match ? "MISSED " : "FALSE  ")
                                + records.get(p.first()).names() + " "
                                + records.get(p.first()).birthDate() + " "
                                + records.get(p.first()).sex() + "\n       "
                                + records.get(p.second()).names() + " "
                                + records.get(p.second()).birthDate() + " "
                                + records.get(p.second()).sex() + "\n       "
                                + java.util.Arrays.toString(
                                        linker.compare(persons.get(p.first()), persons.get(p.second()))));
                    }
                }
            }
            if (args.length < 5) {
                return;
            }
        }
        if (args.length > 0) {
            List<MatchablePerson> persons = records.stream()
                    .map(r -> MatchablePerson.of(r.toPersonRecord()))
                    .toList();
            Linker<MatchablePerson> linker = PersonMatching.linker();
            double threshold = result.model().scoreFor(0.5);
            var scored = linker.deduplicate(persons, result.model(), Double.NEGATIVE_INFINITY);
            int shown = 0;
            for (ScoredPair p : scored) {
                boolean match = records.get(p.first()).person()
                        == records.get(p.second()).person();
                boolean predicted = p.score() >= threshold;
                if (match != predicted && shown++ < Integer.parseInt(args[0])) {
                    System.out.println((match ? "MISSED " : "FALSE  ") + records.get(p.first()) + "\n       "
                            + records.get(p.second()) + "\n       "
                            + linker.explain(persons.get(p.first()), persons.get(p.second()), result.model()));
                }
            }
        }
    }
}
