package org.passerelle.care.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Language;

class DiagnosisCatalogueTest {

    static final DiagnosisCatalogue CATALOGUE = new DiagnosisCatalogue();

    private static final String CHAPTERS = """
            chapter\tfirst\tlast\ttitle_fr\ttitle_en\ttitle_ar
            I\tA00\tB99\tCertaines maladies infectieuses et parasitaires\tCertain infectious and parasitic diseases\tبعض الأمراض المعدية والطفيلية
            XXI\tZ00\tZ99\tFacteurs influant sur l'état de santé\tFactors influencing health status\tالعوامل المؤثرة في الحالة الصحية
            """;
    private static final String HEADER =
            "code\tchapter\tblock\tlabel_fr\tlabel_en\tlabel_ar\twords_fr\twords_en\twords_ar\n";

    @Test
    void holdsAtLeastThreeHundredValidDiagnosesEachInItsChapterAndBlock() {
        List<Diagnosis> all = CATALOGUE.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        Set<String> codes = new HashSet<>();
        for (Diagnosis diagnosis : all) {
            assertThat(diagnosis.code()).matches(DiagnosisCatalogue.CODE);
            assertThat(codes.add(diagnosis.code())).as(diagnosis.code()).isTrue();
            Chapter chapter = CATALOGUE.chapter(diagnosis.chapter()).orElseThrow();
            assertThat(chapter.contains(diagnosis.code())).as(diagnosis.code()).isTrue();
            String[] block = diagnosis.block().split("-");
            assertThat(diagnosis.code().substring(0, 3)).isBetween(block[0], block[1]);
            for (Language language : Language.values()) {
                assertThat(diagnosis.labels().in(language)).as(diagnosis.code()).isNotBlank();
            }
            assertThat(diagnosis.labels().ar()).as(diagnosis.code()).containsPattern("[\\u0600-\\u06FF]");
        }
    }

    @Test
    void hasTheTwentyTwoChaptersOfIcd10WithoutOverlap() {
        assertThat(CATALOGUE.chapters()).hasSize(22);
        assertThat(CATALOGUE.chapters().get(4).numeral()).isEqualTo("V");
        assertThat(CATALOGUE.chapter("V").orElseThrow().contains("F43.1")).isTrue();
        assertThat(CATALOGUE.chapter("XIX").orElseThrow().contains("T74.2")).isTrue();
        assertThat(CATALOGUE.chapter("XX").orElseThrow().contains("Y05")).isTrue();
    }

    @Test
    void coversTheConditionsSeenInTheField() {
        assertThat(List.of(
                        "B86", "B85.0", "F43.1", "F43.0", "F43.2", "T74.2", "Y05", "Z04.4", "Z59.0", "Z60.3", "Z00.0",
                        "Z34.9", "Z30.0", "I10", "E11.9", "J45.9", "G40.9", "D50.9", "T69.0", "T68", "A15.0", "A16.2",
                        "B24", "B18.1", "B18.2", "K02.9", "K04.7", "B05.9", "B01.9", "A00.9", "N39.0"))
                .allMatch(CATALOGUE::isKnown);
    }

    @Test
    void findsScabiesByCodeAndByNameInEveryLanguage() {
        for (String query : List.of("B86", "b86", "gale", "GALE", "scabies", "جرب", "الجرب", "Gale ", "sarcopte")) {
            assertThat(codes(CATALOGUE.search(query, 5))).as(query).first().isEqualTo("B86");
        }
    }

    @Test
    void ignoresAccentsCaseAndArabicSpellingVariants() {
        assertThat(codes(CATALOGUE.search("ETAT DE STRESS POST TRAUMATIQUE", 3)))
                .first()
                .isEqualTo("F43.1");
        assertThat(codes(CATALOGUE.search("hepatite virale chronique c", 3)))
                .first()
                .isEqualTo("B18.2");
        assertThat(codes(CATALOGUE.search("Hépatite", 50))).contains("B15.9", "B18.1");
        // hamza under alef, diacritics and ta marbuta spelt differently from the catalogue
        assertThat(codes(CATALOGUE.search("اِلتهاب الملتحمه", 10))).contains("H10.9");
        assertThat(codes(CATALOGUE.search("الإكتئاب", 10))).isEmpty();
        assertThat(codes(CATALOGUE.search("اكتئابية", 10))).contains("F32.9");
    }

    @Test
    void ranksTheCodesAPrefixStartsFirst() {
        List<String> found = codes(CATALOGUE.search("Z59", 20));
        assertThat(found).startsWith("Z59.0", "Z59.1", "Z59.4");
        assertThat(found).allMatch(code -> code.startsWith("Z59"));
        assertThat(codes(CATALOGUE.search("F43.1", 3))).first().isEqualTo("F43.1");
        assertThat(codes(CATALOGUE.search("f431", 3))).first().isEqualTo("F43.1");
        List<String> f4 = codes(CATALOGUE.search("F4", 10));
        assertThat(f4).hasSize(10).allMatch(code -> code.startsWith("F4"));
    }

    @Test
    void ranksATitleStartingWithTheQueryBeforeOneThatOnlyContainsIt() {
        List<String> found = codes(CATALOGUE.search("anémie", 30));
        assertThat(found.indexOf("D64.9")).isLessThan(found.indexOf("O99.0"));
        assertThat(found).contains("O99.0");
    }

    @Test
    void needsEveryWordOfTheQuery() {
        assertThat(codes(CATALOGUE.search("brûlure premier degré main", 10))).containsOnly("T23.1");
        assertThat(codes(CATALOGUE.search("frostbite foot", 10))).containsExactlyInAnyOrder("T33.8", "T34.8");
    }

    @Test
    void putsMatchingFavouritesFirstAndListsThemAloneForABlankQuery() {
        List<String> favourites = List.of("T14.1", "B86");
        assertThat(codes(CATALOGUE.search("", null, 3, favourites))).containsExactly("T14.1", "B86", "A00.9");
        assertThat(codes(CATALOGUE.search("plaie", null, 2, favourites)))
                .first()
                .isEqualTo("T14.1");
        assertThat(codes(CATALOGUE.search("", "XXI", 2, favourites))).containsExactly("Z00.0", "Z00.1");
        assertThat(codes(CATALOGUE.search("B86", null, 2, List.of("T14.1"))))
                .first()
                .isEqualTo("B86");
    }

    @Test
    void refusesAnUnknownCodeAsAnInvalidField() {
        assertThatThrownBy(() -> CATALOGUE.require("diagnoses[2]", "B99.9"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown-diagnosis");
                    assertThat(e.details()).containsEntry("field", "diagnoses[2]");
                });
        assertThat(CATALOGUE.require("code", "B86").labels().fr()).isEqualTo("Gale");
        assertThatThrownBy(() -> CATALOGUE.requireAll("diagnoses", List.of("B86", "F43.1", "Q99.9")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsEntry("field", "diagnoses[2]"));
    }

    @Test
    void refusesAFileWithACodeOutsideItsChapter() {
        assertThatThrownBy(() -> read(HEADER + "Z59.0\tI\tZ55-Z65\tSans abri\tHomelessness\tالتشرد\t\t\t\n"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Z59.0 is not in chapter I");
    }

    @Test
    void refusesAFileWithAMalformedOrDuplicateCodeOrAMissingLabel() {
        assertThatThrownBy(() -> read(HEADER + "B8\tI\tB85-B89\tGale\tScabies\tالجرب\t\t\t\n"))
                .hasMessageContaining("'B8' is not an ICD-10 code");
        assertThatThrownBy(() -> read(HEADER
                        + "B86\tI\tB85-B89\tGale\tScabies\tالجرب\t\t\t\n"
                        + "B86\tI\tB85-B89\tGale\tScabies\tالجرب\t\t\t\n"))
                .hasMessageContaining("line 3: the code B86 appears twice");
        assertThatThrownBy(() -> read(HEADER + "B86\tI\tB85-B89\tGale\tScabies\t \t\t\t\n"))
                .hasMessageContaining("a label is missing");
        assertThatThrownBy(() -> read(HEADER + "B86\tI\tB90-B94\tGale\tScabies\tالجرب\t\t\t\n"))
                .hasMessageContaining("not in the block B90-B94");
        assertThatThrownBy(() -> read(HEADER + "B86\tI\tB85-B89\tGale\tScabies\n"))
                .hasMessageContaining("columns");
    }

    private static DiagnosisCatalogue read(String diagnoses) throws Exception {
        return DiagnosisCatalogue.read(stream(CHAPTERS), stream(diagnoses));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(Diagnosis::code).toList();
    }
}
