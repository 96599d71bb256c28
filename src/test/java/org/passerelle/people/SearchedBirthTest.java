package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;

class SearchedBirthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void readsAnAgeAsAnEstimatedAgeGiveOrTakeTwoYears() {
        SearchedBirth birth = SearchedBirth.of(null, 30, TODAY);

        assertThat(birth).isNotNull();
        assertThat(birth.date()).isEqualTo(BirthDate.estimated(30, TODAY));
        assertThat(birth.fromYear()).isEqualTo(1994);
        assertThat(birth.toYear()).isEqualTo(1998);
        assertThat(birth.admits(BirthDate.exact(LocalDate.of(1995, 12, 30)))).isTrue();
        assertThat(birth.admits(BirthDate.year(1998))).isTrue();
        assertThat(birth.admits(BirthDate.year(1999))).isFalse();
        assertThat(birth.admits(BirthDate.exact(LocalDate.of(1966, 8, 1)))).isFalse();
        assertThat(birth.admits(BirthDate.estimated(26, TODAY))).as("2000 ± 2").isTrue();
        assertThat(birth.admits(null)).isTrue();
    }

    @Test
    void keepsABirthYearAndAnEstimatedAgeAroundIt() {
        SearchedBirth birth = SearchedBirth.of(1990, null, TODAY);

        assertThat(birth).isNotNull();
        assertThat(birth.date()).isEqualTo(BirthDate.year(1990));
        assertThat(birth.admits(BirthDate.exact(LocalDate.of(1990, 5, 5)))).isTrue();
        assertThat(birth.admits(BirthDate.exact(LocalDate.of(1991, 1, 2)))).isFalse();
        assertThat(birth.admits(BirthDate.estimated(34, TODAY))).as("1992 ± 2").isTrue();
        assertThat(birth.admits(BirthDate.estimated(33, TODAY))).as("1993 ± 2").isFalse();
        assertThat(SearchedBirth.of(null, null, TODAY)).isNull();
    }

    @Test
    void refusesBothAYearAndAnAgeAndAnImplausibleYear() {
        assertThatThrownBy(() -> SearchedBirth.of(1990, 36, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("search-age-and-birth-year"));
        assertThatThrownBy(() -> SearchedBirth.of(2027, null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("birth-date-in-future"));
        assertThatThrownBy(() -> SearchedBirth.of(1905, null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("birth-date-too-old"));
        assertThat(SearchedBirth.of(2026, null, TODAY)).isNotNull();
        assertThat(SearchedBirth.of(1906, null, TODAY)).isNotNull();
    }
}
