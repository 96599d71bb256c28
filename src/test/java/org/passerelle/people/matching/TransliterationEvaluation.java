package org.passerelle.people.matching;

import java.util.List;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * Deduplicates the kept transliteration set with the person configuration and measures it: with
 * the model estimated by EM without labels, and with a model learnt from the labels (a ceiling).
 */
final class TransliterationEvaluation {

    static final long SEED = 7L;

    private TransliterationEvaluation() {}

    static Febrl.Result run(List<SetRecord> records) {
        List<MatchablePerson> persons = prepare(records);
        Linker<MatchablePerson> linker = PersonMatching.linker();
        Linker.Training training = linker.trainDeduplication(persons, SEED);
        return new Febrl.Result(
                "transliteration set deduplication",
                evaluate(records, persons, linker, training.model()),
                training.model(),
                training);
    }

    /** The same, with m, u and the prior counted from the labelled candidate pairs. */
    static Evaluation labelled(List<SetRecord> records) {
        List<MatchablePerson> persons = prepare(records);
        Linker<MatchablePerson> linker = PersonMatching.linker();
        FellegiSunterModel model = linker.trainFromLabels(
                persons, (a, b) -> records.get(a).person() == records.get(b).person());
        return evaluate(records, persons, linker, model);
    }

    private static List<MatchablePerson> prepare(List<SetRecord> records) {
        return records.stream().map(r -> MatchablePerson.of(r.toPersonRecord())).toList();
    }

    private static Evaluation evaluate(
            List<SetRecord> records,
            List<MatchablePerson> persons,
            Linker<MatchablePerson> linker,
            FellegiSunterModel model) {
        List<ScoredPair> scored = linker.deduplicate(persons, model, Double.NEGATIVE_INFINITY);
        return Evaluation.of(
                scored,
                model,
                Evaluation.truePairsWithin(records, SetRecord::person),
                (a, b) -> records.get(a).person() == records.get(b).person());
    }

    public static void main(String[] args) {
        List<SetRecord> records = SetRecordFile.read(SetRecordFile.readResource());
        Febrl.Result result = run(records);
        System.out.println(result.name() + " (" + records.size() + " records)");
        System.out.println("  " + result.evaluation());
        System.out.println("  with a model learnt from the labels: " + labelled(records));
        if (args.length > 0) {
            System.out.println(result.model());
        }
    }
}
