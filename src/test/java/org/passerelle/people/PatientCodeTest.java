package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientCodeTest {

    @Test
    void generatesValidDistinctCodesFromTheUnambiguousAlphabet() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = PatientCode.generate();
            assertThat(code).hasSize(8).matches("[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(PatientCode.parse(code)).contains(code);
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void catchesEverySingleMistypedCharacter() {
        for (int i = 0; i < 200; i++) {
            String code = PatientCode.generate();
            for (int position = 0; position < code.length(); position++) {
                for (char other : PatientCode.ALPHABET.toCharArray()) {
                    if (other != code.charAt(position)) {
                        String typo = code.substring(0, position) + other + code.substring(position + 1);
                        assertThat(PatientCode.parse(typo)).as(typo).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void catchesMostSwapsOfNeighbours() {
        int swaps = 0;
        int caught = 0;
        for (int i = 0; i < 2_000; i++) {
            String code = PatientCode.generate();
            for (int position = 0; position < code.length() - 1; position++) {
                if (code.charAt(position) != code.charAt(position + 1)) {
                    swaps++;
                    char[] swapped = code.toCharArray();
                    swapped[position] = code.charAt(position + 1);
                    swapped[position + 1] = code.charAt(position);
                    if (PatientCode.parse(new String(swapped)).isEmpty()) {
                        caught++;
                    }
                }
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.95);
    }

    @Test
    void readsWhatPeopleTypeOrScan() {
        String code = PatientCode.generate();
        String typed = " " + PatientCode.display(code).toLowerCase() + " ";

        assertThat(PatientCode.parse(typed)).contains(code);
        assertThat(PatientCode.parse(code.replace('0', 'O').replace('1', 'I'))).contains(code);
        assertThat(PatientCode.parse("ABC")).isEmpty();
        assertThat(PatientCode.parse("Mohammed")).isEmpty();
    }
}
