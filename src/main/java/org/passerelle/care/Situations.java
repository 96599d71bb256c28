package org.passerelle.care;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.Situation;
import org.passerelle.people.PersonDemographics;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/** What a form's rules look at besides the answers: the person's sex and age on the day, and now. */
@Component
class Situations {

    private final PersonDemographics demographics;
    private final CareCalendar calendar;

    Situations(PersonDemographics demographics, CareCalendar calendar) {
        this.demographics = demographics;
        this.calendar = calendar;
    }

    /** The situation of a consultation on {@code occurredOn}: with no person for a group session. */
    Situation of(@Nullable UUID personId, LocalDate occurredOn) {
        if (personId == null) {
            return new Situation(null, null, occurredOn, calendar.now());
        }
        return demographics
                .of(personId)
                .map(person -> new Situation(person.sex().name(), person.ageOn(occurredOn), occurredOn, calendar.now()))
                .orElseThrow(() -> DomainException.notFound("person"));
    }
}
