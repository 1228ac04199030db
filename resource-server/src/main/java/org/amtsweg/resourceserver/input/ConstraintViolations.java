package org.amtsweg.resourceserver.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.amtsweg.resourceserver.problem.Violation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation's findings as the platform's {@link Violation}s: a JSON pointer (not a property path
 * such as {@code reply.arg1.message}) and a message in German and in English that a person would write.
 * The built-in constraints get the platform's own wording (Hibernate Validator's defaults say "darf nicht
 * null sein" and print regular expressions); a constraint with a message of its own keeps it, read from the
 * service's {@code ValidationMessages} bundles in both languages ({@code {key}} in the annotation).
 */
public final class ConstraintViolations {

    private static final MessageInterpolator INTERPOLATOR = new ParameterMessageInterpolator();
    private static final Set<String> DEFAULT_TEMPLATES =
            Set.of("{jakarta.validation.constraints.", "{org.hibernate.validator.constraints.");

    private ConstraintViolations() {}

    public static List<Violation> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(ConstraintViolations::of)
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::keyword))
                .toList();
    }

    public static Violation of(ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        Annotation constraint = descriptor.getAnnotation();
        String name = constraint.annotationType().getSimpleName();
        String template = violation.getMessageTemplate();
        String pointer = pointer(violation.getPropertyPath());
        if (DEFAULT_TEMPLATES.stream().anyMatch(template::startsWith)) {
            Violation worded = worded(pointer, name, descriptor.getAttributes(), violation.getInvalidValue());
            if (worded != null) {
                return worded;
            }
        }
        return new Violation(
                pointer, keyword(name), interpolate(violation, Locale.GERMAN), interpolate(violation, Locale.ENGLISH));
    }

    /** The platform's wording of the built-in constraints; null for one it has no words for. */
    private static Violation worded(String pointer, String constraint, Map<String, Object> attributes, Object value) {
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" ->
                new Violation(pointer, "required", "Bitte machen Sie hier eine Angabe.", "Please provide a value.");
            case "Size" -> size(pointer, attributes, value);
            case "Pattern" ->
                new Violation(
                        pointer,
                        "pattern",
                        "Die Angabe hat nicht das erwartete Format.",
                        "The value does not have the expected format.");
            case "Email" ->
                new Violation(
                        pointer,
                        "format",
                        "Bitte geben Sie eine gültige E-Mail-Adresse an.",
                        "Please give a valid e-mail address.");
            case "URL" ->
                new Violation(
                        pointer,
                        "format",
                        "Bitte geben Sie eine vollständige Internetadresse an (https://…).",
                        "Please give a complete web address (https://…).");
            case "Min", "DecimalMin", "PositiveOrZero", "Positive" ->
                new Violation(
                        pointer,
                        "minimum",
                        "Der Wert muss mindestens " + bound(constraint, attributes) + " sein.",
                        "The value must be at least " + bound(constraint, attributes) + ".");
            case "Max", "DecimalMax" ->
                new Violation(
                        pointer,
                        "maximum",
                        "Der Wert darf höchstens " + attributes.get("value") + " sein.",
                        "The value must be at most " + attributes.get("value") + ".");
            default -> null;
        };
    }

    private static Violation size(String pointer, Map<String, Object> attributes, Object value) {
        int min = (Integer) attributes.get("min");
        int max = (Integer) attributes.get("max");
        int actual = value instanceof CharSequence text
                ? text.length()
                : value instanceof Collection<?> items
                        ? items.size()
                        : value instanceof Map<?, ?> entries ? entries.size() : -1;
        boolean text = value instanceof CharSequence;
        String[] unit = text ? new String[] {"Zeichen", "characters"} : new String[] {"Einträge", "entries"};
        if (actual > max || actual < 0) {
            return new Violation(
                    pointer,
                    text ? "maxLength" : "maxItems",
                    "Höchstens " + max + " " + unit[0] + ".",
                    "At most " + max + " " + unit[1] + ".");
        }
        return new Violation(
                pointer,
                text ? "minLength" : "minItems",
                "Mindestens " + min + " " + unit[0] + ".",
                "At least " + min + " " + unit[1] + ".");
    }

    private static Object bound(String constraint, Map<String, Object> attributes) {
        return switch (constraint) {
            case "Positive" -> "1";
            case "PositiveOrZero" -> "0";
            default -> attributes.get("value");
        };
    }

    private static String keyword(String constraint) {
        return Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
    }

    private static String interpolate(ConstraintViolation<?> violation, Locale locale) {
        return INTERPOLATOR.interpolate(
                violation.getMessageTemplate(),
                new MessageInterpolator.Context() {
                    @Override
                    public ConstraintDescriptor<?> getConstraintDescriptor() {
                        return violation.getConstraintDescriptor();
                    }

                    @Override
                    public Object getValidatedValue() {
                        return violation.getInvalidValue();
                    }

                    @Override
                    public <T> T unwrap(Class<T> type) {
                        throw new ValidationException("no " + type.getName() + " here");
                    }
                },
                locale);
    }

    /**
     * Bean Validation's property path ({@code leika[0].leikaId}, {@code reply.arg1.message} for a
     * resource method's parameter) as the JSON pointer into the body ({@code /leika/0/leikaId},
     * {@code /message}).
     */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(BodyText.escape(String.valueOf(node.getKey())));
            }
            // A list element's own node is named "<list element>": the index above already points at it.
            if (node.getName() != null
                    && node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN) {
                pointer.append('/').append(BodyText.escape(node.getName()));
            }
        }
        return pointer.toString();
    }
}
