package org.passerelle.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link InlineText}: a missing value is left to {@code @NotBlank} and the like. */
public final class InlineTextValidator implements ConstraintValidator<InlineText, String> {

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        return value == null || !PlainText.hiddenFormatting(value);
    }
}
