package org.amtsweg.catalog.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/** A Themenfeld of the OZG's catalogue, spelled as the seed document spells them; empty is allowed. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownTopic.Check.class)
public @interface KnownTopic {

    String message() default "{amtsweg.catalog.topic}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The OZG's fourteen Themenfelder. */
    Set<String> TOPICS = Set.of(
            "Arbeit & Ruhestand",
            "Bauen & Wohnen",
            "Bildung",
            "Ein- & Auswanderung",
            "Engagement & Hobby",
            "Familie & Kind",
            "Forschung & Förderung",
            "Gesundheit",
            "Mobilität & Reisen",
            "Querschnittsleistungen",
            "Recht & Ordnung",
            "Steuern & Zoll",
            "Umwelt",
            "Unternehmensführung & -entwicklung");

    /** Checks against {@link #TOPICS}. */
    class Check implements ConstraintValidator<KnownTopic, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TOPICS.contains(value);
        }
    }
}
