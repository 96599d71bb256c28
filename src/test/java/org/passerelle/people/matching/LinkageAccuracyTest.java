package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * Accuracy on fixed data, with models estimated by EM without labels and the threshold at match
 * probability 0.5: FEBRL (public, kept in the project in {@code src/test/resources/febrl} with its source and licence) and the
 * project's transliteration set. The targets are documented in docs/matching.md.
 */
class LinkageAccuracyTest {

    static final double FEBRL4_TARGET = 0.98;
    static final double FEBRL3_TARGET = 0.95;
    static final double TRANSLITERATION_TARGET = 0.65;

    @BeforeAll
    static void febrlDataIsInTheProject() {
        assertThat(Files.isDirectory(FebrlRecord.dataDirectory()))
                .as("FEBRL data expected in " + FebrlRecord.dataDirectory())
                .isTrue();
    }

    @Test
    void linksFebrl4() throws Exception {
        Febrl.Result result = Febrl.linkage();

        assertThat(result.evaluation().unsupervised().f1()).isGreaterThanOrEqualTo(FEBRL4_TARGET);
    }

    @Test
    void deduplicatesFebrl3() throws Exception {
        Febrl.Result result = Febrl.deduplication();

        assertThat(result.evaluation().unsupervised().f1()).isGreaterThanOrEqualTo(FEBRL3_TARGET);
    }

    @Test
    void deduplicatesTheTransliterationSet() {
        List<SetRecord> records = SetRecordFile.read(SetRecordFile.readResource());

        Febrl.Result result = TransliterationEvaluation.run(records);

        assertThat(result.evaluation().unsupervised().f1()).isGreaterThanOrEqualTo(TRANSLITERATION_TARGET);
    }

    @Test
    void keptTransliterationSetIsWhatTheGeneratorMakesFromItsSeed() {
        List<SetRecord> generated = new TransliterationSet(TransliterationSet.SEED)
                .generate(TransliterationSet.PEOPLE, TransliterationSet.NAMESAKE_CLUSTERS);

        assertThat(SetRecordFile.write(generated)).isEqualTo(SetRecordFile.readResource());
    }
}
