package org.passerelle.people.matching;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * What the engine knows of a person: all their names (the chosen name first, then any other names,
 * in any script), sex, birth date with its precision and country of origin.
 *
 * @param id the person's id, opaque to the engine
 */
public record PersonRecord(
        String id,
        List<String> names,
        Sex sex,
        @Nullable BirthDate birthDate,
        @Nullable String country) {

    public PersonRecord {
        names = List.copyOf(names);
    }
}
