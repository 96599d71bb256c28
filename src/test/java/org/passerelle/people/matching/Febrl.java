package org.passerelle.people.matching;

import java.io.IOException;
import java.util.List;

/** Runs the FEBRL linkage (dataset4a with dataset4b) and deduplication (dataset3). */
final class Febrl {

    static final long SEED = 20_240_601L;

    private Febrl() {}

    /** The evaluation of one FEBRL task, with its model for inspection. */
    record Result(String name, Evaluation evaluation, FellegiSunterModel model, Linker.Training training) {}

    static Result linkage() throws IOException {
        List<FebrlRecord> left = FebrlRecord.read("dataset4a.csv");
        List<FebrlRecord> right = FebrlRecord.read("dataset4b.csv");
        Linker<FebrlRecord> linker = new Linker<>(FebrlSettings.settings());
        Linker.Training training = linker.trainLinkage(left, right, SEED);
        List<ScoredPair> scored = linker.link(left, right, training.model(), Double.NEGATIVE_INFINITY);
        long actual = left.stream()
                .filter(l -> right.stream().anyMatch(r -> r.entity() == l.entity()))
                .count();
        Evaluation evaluation = Evaluation.of(
                scored,
                training.model(),
                actual,
                (a, b) -> left.get(a).entity() == right.get(b).entity());
        return new Result("febrl4 linkage", evaluation, training.model(), training);
    }

    static Result deduplication() throws IOException {
        List<FebrlRecord> records = FebrlRecord.read("dataset3.csv");
        Linker<FebrlRecord> linker = new Linker<>(FebrlSettings.settings());
        Linker.Training training = linker.trainDeduplication(records, SEED);
        List<ScoredPair> scored = linker.deduplicate(records, training.model(), Double.NEGATIVE_INFINITY);
        long actual = Evaluation.truePairsWithin(records, FebrlRecord::entity);
        Evaluation evaluation = Evaluation.of(
                scored,
                training.model(),
                actual,
                (a, b) -> records.get(a).entity() == records.get(b).entity());
        return new Result("febrl3 deduplication", evaluation, training.model(), training);
    }

    public static void main(String[] args) throws IOException {
        for (Result result : List.of(linkage(), deduplication())) {
            System.out.println(result.name() + " (EM " + result.training().iterations() + " iterations, converged "
                    + result.training().converged() + ")");
            System.out.println("  " + result.evaluation());
            if (args.length > 0) {
                System.out.println(result.model());
            }
        }
    }
}
