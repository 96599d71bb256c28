package org.passerelle.care.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An in-memory index of a catalogue: every folded word of its labels and search words, and its
 * codes, each sorted so that a prefix is found by binary search and a search costs the number of
 * words and codes it matches, not the size of the catalogue. A query matches an entry when each of
 * its words starts a word of the entry, or when it starts the entry's code.
 */
final class SearchIndex {

    static final int EXACT_CODE = 100;
    static final int CODE_PREFIX = 80;
    static final int LABEL_START = 60;
    static final int LABEL_WORD = 40;
    static final int SEARCH_WORD = 20;
    private static final int WHOLE_WORD = 5;

    /** What one entry is found by: its code, its labels in every language and its search words. */
    record Document(String code, List<String> labels, List<String> words) {}

    /** An entry found, by its position in the catalogue, and how well it matches. */
    record Hit(int document, int score) {}

    private record Term(String text, int document, int weight) {}

    private final String[] codes;
    private final int[] codeDocuments;
    private final String[] terms;
    private final int[] termDocuments;
    private final int[] termWeights;
    private final List<List<String>> foldedLabels;
    private final Predicate<String> looksLikeCode;

    /** @param looksLikeCode whether a compacted query (see {@link Folding#compactCode}) may be a code */
    SearchIndex(List<Document> documents, Predicate<String> looksLikeCode) {
        this.looksLikeCode = looksLikeCode;
        List<Term> codeTerms = new ArrayList<>();
        List<Term> wordTerms = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            codeTerms.add(new Term(Folding.compactCode(document.code()), i, EXACT_CODE));
            for (String label : document.labels()) {
                for (String word : Folding.words(label)) {
                    wordTerms.add(new Term(word, i, LABEL_WORD));
                }
            }
            for (String searchWord : document.words()) {
                for (String word : Folding.words(searchWord)) {
                    wordTerms.add(new Term(word, i, SEARCH_WORD));
                }
            }
            labels.add(document.labels().stream().map(Folding::fold).toList());
        }
        codeTerms.sort(Comparator.comparing(Term::text));
        wordTerms.sort(Comparator.comparing(Term::text));
        this.codes = codeTerms.stream().map(Term::text).toArray(String[]::new);
        this.codeDocuments = codeTerms.stream().mapToInt(Term::document).toArray();
        this.terms = wordTerms.stream().map(Term::text).toArray(String[]::new);
        this.termDocuments = wordTerms.stream().mapToInt(Term::document).toArray();
        this.termWeights = wordTerms.stream().mapToInt(Term::weight).toArray();
        this.foldedLabels = List.copyOf(labels);
    }

    /** The entries the query matches, with their scores, in no particular order; none for a blank query. */
    List<Hit> search(String query) {
        Map<Integer, Integer> scores = wordScores(query);
        String compact = Folding.compactCode(query);
        if (!compact.isEmpty() && looksLikeCode.test(compact)) {
            for (int i = lowerBound(codes, compact); i < codes.length && codes[i].startsWith(compact); i++) {
                int score = codes[i].equals(compact) ? EXACT_CODE : CODE_PREFIX;
                scores.merge(codeDocuments[i], score, Math::max);
            }
        }
        List<Hit> hits = new ArrayList<>(scores.size());
        scores.forEach((document, score) -> hits.add(new Hit(document, score)));
        return hits;
    }

    /** Entries every word of the query starts a word of, scored by the weakest word's match. */
    private Map<Integer, Integer> wordScores(String query) {
        List<String> words = Folding.words(query);
        Map<Integer, Integer> scores = new HashMap<>();
        if (words.isEmpty()) {
            return scores;
        }
        String[] distinct = words.stream().distinct().toArray(String[]::new);
        // The most selective word first: the others only narrow its matches down.
        Arrays.sort(distinct, Comparator.comparingInt(String::length).reversed());
        scores = matches(distinct[0]);
        for (int w = 1; w < distinct.length && !scores.isEmpty(); w++) {
            Map<Integer, Integer> next = matches(distinct[w]);
            scores.keySet().retainAll(next.keySet());
            scores.replaceAll((document, score) -> Math.min(score, next.getOrDefault(document, 0)));
        }
        String folded = Folding.fold(query);
        scores.replaceAll((document, score) -> startsALabel(document, folded) ? Math.max(score, LABEL_START) : score);
        return scores;
    }

    private Map<Integer, Integer> matches(String prefix) {
        Map<Integer, Integer> best = new HashMap<>();
        for (int i = lowerBound(terms, prefix); i < terms.length && terms[i].startsWith(prefix); i++) {
            int weight = termWeights[i] + (terms[i].length() == prefix.length() ? WHOLE_WORD : 0);
            best.merge(termDocuments[i], weight, Math::max);
        }
        return best;
    }

    private boolean startsALabel(int document, String folded) {
        return foldedLabels.get(document).stream().anyMatch(label -> label.startsWith(folded));
    }

    private static int lowerBound(String[] sorted, String key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
