package org.passerelle.care.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.Language;

class MedicineFormularyTest {

    static final MedicineFormulary FORMULARY = new MedicineFormulary();

    /** WHO classifies oral rehydration salts as a group, with no substance below it. */
    private static final List<String> GROUP_ATC_CODES = List.of("A07CA");

    private static final Pattern SUBSTANCE_ATC = Pattern.compile("^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$");

    @Test
    void holdsAtLeast120MedicinesWithRealAtcCodesFormsAndUnitsInEveryLanguage() {
        assertThat(FORMULARY.all()).hasSizeGreaterThanOrEqualTo(120);
        for (Medicine medicine : FORMULARY.all()) {
            assertThat(medicine.code()).matches(MedicineFormulary.CODE);
            if (!GROUP_ATC_CODES.contains(medicine.atc())) {
                assertThat(medicine.atc()).as(medicine.code()).matches(SUBSTANCE_ATC);
            }
            for (Language language : Language.values()) {
                assertThat(medicine.form().labels().in(language)).isNotBlank();
                assertThat(medicine.unit().label(language, BigDecimal.ONE)).isNotBlank();
            }
        }
        assertThat(FORMULARY.all().stream().map(Medicine::code).distinct()).hasSameSizeAs(FORMULARY.all());
    }

    @Test
    void holdsTheMedicinesTheTeamsCarry() {
        assertThat(List.of(
                        "paracetamol-500-tab",
                        "amoxicillin-500-caps",
                        "ivermectin-3-tab",
                        "permethrin-5-cream",
                        "ors-sachet",
                        "levonorgestrel-15-tab",
                        "tdf-3tc-tab",
                        "dolutegravir-50-tab",
                        "salbutamol-100-inhaler",
                        "metformin-500-tab",
                        "sertraline-50-tab",
                        "rhze-tab",
                        "hepb-vaccine"))
                .allMatch(FORMULARY::isKnown);
        assertThat(FORMULARY.find("ivermectin-3-tab").orElseThrow().atc()).isEqualTo("P02CF01");
    }

    @Test
    void findsByNameInFrenchOrEnglishByBrandAndByAtcCode() {
        assertThat(codes(FORMULARY.search("amoxicilline", 10))).contains("amoxicillin-500-caps", "amoxiclav-500-tab");
        assertThat(codes(FORMULARY.search("Amoxicillin clav", 10)))
                .containsOnly("amoxiclav-500-tab", "amoxiclav-100-susp");
        assertThat(codes(FORMULARY.search("doliprane", 10))).contains("paracetamol-500-tab");
        assertThat(codes(FORMULARY.search("pilule du lendemain", 5))).first().isEqualTo("levonorgestrel-15-tab");
        assertThat(codes(FORMULARY.search("P02CF01", 5))).containsExactly("ivermectin-3-tab");
        assertThat(codes(FORMULARY.search("j01", 100)))
                .allMatch(code -> FORMULARY.find(code).orElseThrow().atc().startsWith("J01"));
        assertThat(codes(FORMULARY.search("gale", 10))).contains("ivermectin-3-tab", "permethrin-5-cream");
        assertThat(FORMULARY.search("", 5)).hasSize(5);
    }

    @Test
    void findsByEveryWordOfNameFormAndStrengthAccentsFolded() {
        assertThat(codes(FORMULARY.search("perméthrine crème", 10))).containsExactly("permethrin-5-cream");
        assertThat(codes(FORMULARY.search("permethrine CREME", 10))).containsExactly("permethrin-5-cream");
        assertThat(codes(FORMULARY.search("permethrin lotion 1", 10))).containsExactly("permethrin-1-lotion");
        assertThat(codes(FORMULARY.search("amoxicilline 500", 10))).contains("amoxicillin-500-caps");
        assertThat(codes(FORMULARY.search("perméthrine comprimé", 10))).isEmpty();
    }

    @Test
    void namesTheDoseUnitInTheSingularOrPluralOfEachLanguage() {
        Medicine.DoseUnit tablet =
                FORMULARY.find("paracetamol-500-tab").orElseThrow().unit();
        assertThat(tablet.label(Language.FR, new BigDecimal("1.5"))).isEqualTo("comprimé");
        assertThat(tablet.label(Language.FR, new BigDecimal("2"))).isEqualTo("comprimés");
        assertThat(tablet.label(Language.EN, new BigDecimal("0.5"))).isEqualTo("tablet");
        assertThat(tablet.label(Language.EN, new BigDecimal("2"))).isEqualTo("tablets");
        assertThat(tablet.label(Language.AR, new BigDecimal("3"))).isEqualTo("أقراص");
        assertThat(tablet.label(Language.AR, new BigDecimal("1"))).isEqualTo("قرص");
    }

    @Test
    void refusesAFileWithAMalformedAtcCodeOrAnUnknownForm() {
        String forms = "form\tlabel_fr\tlabel_en\tlabel_ar\ntablet\tcomprimé\ttablet\tقرص\n";
        String units = "unit\tone_fr\tother_fr\tone_en\tother_en\tone_ar\tother_ar\n"
                + "tablet\tcomprimé\tcomprimés\ttablet\ttablets\tقرص\tأقراص\n";
        String header = "code\tatc\tname_fr\tname_en\tform\tstrength\tunit\twords\n";
        assertThatThrownBy(() -> MedicineFormulary.read(
                        stream(forms),
                        stream(units),
                        stream(header
                                + "paracetamol-500-tab\tN02BE1\tparacétamol\tparacetamol\ttablet\t500 mg\ttablet\t\n")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("medicines line 2: 'N02BE1' is not an ATC code");
        assertThatThrownBy(
                        () -> MedicineFormulary.read(
                                stream(forms),
                                stream(units),
                                stream(
                                        header
                                                + "paracetamol-500-tab\tN02BE01\tparacétamol\tparacetamol\tcapsule\t500 mg\ttablet\t\n")))
                .hasMessageContaining("no form capsule");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(List<Medicine> medicines) {
        return medicines.stream().map(Medicine::code).toList();
    }
}
