package org.passerelle.people;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's sex and birth date, for rules that depend on them (a form's questions for women, for
 * children). It reveals no name and records no read: callers check access to the person first.
 */
@Service
@Transactional(readOnly = true)
public class PersonDemographics {

    /** Sex and, when known, the birth date (the first day of what is known of it). */
    public record Demographics(Sex sex, @Nullable LocalDate birthDate) {

        /** Age in whole years on {@code day}, or null when the birth date is unknown. */
        public @Nullable Integer ageOn(LocalDate day) {
            return birthDate == null || birthDate.isAfter(day)
                    ? null
                    : java.time.Period.between(birthDate, day).getYears();
        }
    }

    private final JdbcClient jdbc;

    PersonDemographics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live person's sex and birth date; empty for an unknown, merged or deleted person. */
    public Optional<Demographics> of(UUID personId) {
        return jdbc.sql("""
                select sex, birth_date from people.person
                 where id = ? and merged_into is null and deleted_at is null
                """)
                .param(personId)
                .query((rs, row) ->
                        new Demographics(Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class)))
                .optional();
    }
}
