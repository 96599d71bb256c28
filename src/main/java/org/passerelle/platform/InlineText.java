package org.passerelle.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or other short text shown as it is stored: no invisible character that makes what is
 * displayed differ from what is stored (see {@link PlainText#hiddenFormatting}). Refused with the
 * field error code {@code InlineText}; nothing is removed silently.
 */
@Documented
@Constraint(validatedBy = InlineTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface InlineText {

    String message() default "{validation.InlineText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
