package org.passerelle.care.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What a form's rules may look at besides the answers: the person's sex and age on the
 * consultation's day (none for a group session), the consultation's day and the time now.
 *
 * @param sex the person's sex as recorded ({@code FEMALE}, {@code MALE}, {@code OTHER}, {@code UNKNOWN})
 */
public record Situation(@Nullable String sex, @Nullable Integer age, LocalDate occurredOn, LocalDateTime now) {}
