package org.amtsweg.resourceserver.input;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.amtsweg.resourceserver.problem.HttpStatusProblem;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.Violation;
import org.amtsweg.resourceserver.security.SecurityProblems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request bodies that cannot be read, as RFC 9457 problems: a body that is no JSON (or too deeply
 * nested, or with a key twice) is 400 {@code malformed-body}; a value of the wrong shape is 422
 * {@code validation-failed} with the JSON pointer of the value. The messages name what was expected
 * in the sender's terms ("Text", "Zahl", "Datum"), never a class of this software.
 */
public class InputProblems {

    private static final Logger LOG = Logger.getLogger(InputProblems.class);

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response invalidInput(InvalidInputException failure) {
        return validationFailed(failure.violations());
    }

    /**
     * A body that breaks a resource's Bean Validation constraints ({@code @Valid}): the same
     * {@code validation-failed} as every other refused value, not the problem extension's own shape. A
     * constraint on what the service returns is the service's defect.
     */
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response constraintViolations(ConstraintViolationException failure) {
        boolean ownResult = failure.getConstraintViolations().stream()
                .anyMatch(violation -> StreamSupport.stream(
                                violation.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        if (ownResult) {
            LOG.error("the service's answer breaks its own constraints", failure);
            return PlatformProblem.internalError().toResponse();
        }
        return validationFailed(ConstraintViolations.of(failure.getConstraintViolations()));
    }

    /** A constraint Bean Validation cannot even evaluate (declared wrongly): the service's defect. */
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unusableConstraints(ValidationException failure) {
        LOG.error("constraints could not be evaluated", failure);
        return PlatformProblem.internalError().toResponse();
    }

    // One mapper per exception class the problem extension maps itself: the most specific class wins
    // before any priority counts, and its answers name Java types ("to `java.lang.String`").
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response mismatched(MismatchedInputException failure) {
        return fromJackson(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response invalidFormat(InvalidFormatException failure) {
        return fromJackson(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unrecognizedProperty(UnrecognizedPropertyException failure) {
        return fromJackson(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response unreadable(JsonProcessingException failure) {
        return fromJackson(failure);
    }

    /** The JSON reader wraps what it cannot parse in a 400 without a body; here it gets one. */
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response webApplication(WebApplicationException failure) {
        if (failure.getCause() instanceof JsonProcessingException json) {
            return fromJackson(json);
        }
        Response original = failure.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        return HttpStatusProblem.of(original).toResponse();
    }

    // The problem extension maps these two itself, as about:blank; the most specific class wins.
    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response notFound(NotFoundException failure) {
        return webApplication(failure);
    }

    @ServerExceptionMapper(priority = Problem.AHEAD_OF_PROBLEM_EXTENSION)
    public Response forbidden(ForbiddenException failure) {
        Response original = failure.getResponse();
        return original.hasEntity() ? original : SecurityProblems.forbidden().toResponse();
    }

    static Response fromJackson(JsonProcessingException failure) {
        if (failure instanceof InvalidDefinitionException || failure.getProcessor() instanceof JsonGenerator) {
            // The service cannot read this type at all, or failed writing JSON itself: its defect, not the sender's.
            LOG.error("JSON could not be read or written by the service", failure);
            return PlatformProblem.internalError().toResponse();
        }
        if (failure instanceof JsonMappingException mapping
                && !(failure.getCause() instanceof StreamConstraintsException)
                && !(failure instanceof StreamConstraintsException)
                && isValueProblem(mapping)) {
            return validationFailed(List.of(violation(mapping)));
        }
        return malformed(failure);
    }

    private static boolean isValueProblem(JsonMappingException mapping) {
        // A mapping failure while the parser still reads valid JSON is about a value; a syntax error is not.
        return !(mapping.getCause() instanceof JsonParseException);
    }

    private static Response malformed(JsonProcessingException failure) {
        JsonLocation location = failure.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? " (Zeile " + location.getLineNr() + ", Spalte " + location.getColumnNr() + ")"
                : "";
        String detail = failure instanceof StreamConstraintsException
                        || failure.getCause() instanceof StreamConstraintsException
                ? "Der Inhalt ist zu tief verschachtelt oder ein Wert ist zu lang" + where + "."
                : "Der Inhalt ist kein gültiges JSON" + where + ".";
        Problem problem = PlatformProblem.MALFORMED_BODY.problem(detail);
        if (location != null && location.getLineNr() > 0) {
            problem.with("line", location.getLineNr()).with("column", location.getColumnNr());
        }
        return problem.toResponse();
    }

    static Response validationFailed(List<Violation> violations) {
        return PlatformProblem.validationFailed(violations).toResponse();
    }

    private static Violation violation(JsonMappingException failure) {
        String pointer = pointer(failure.getPath());
        if (failure instanceof PropertyBindingException) {
            return new Violation(
                    pointer,
                    "unknown-field",
                    "Dieses Feld ist hier nicht vorgesehen.",
                    "This field is not expected here.");
        }
        Class<?> target = failure instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        String[] expected = expected(target);
        return new Violation(pointer, "type", expected[0] + " erwartet.", "Expected " + expected[1] + ".");
    }

    /** What the reader wanted, in words a sender knows: German, English. */
    private static String[] expected(Class<?> target) {
        if (target == null) {
            return new String[] {"Ein gültiger Wert", "a valid value"};
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return new String[] {"Text", "text"};
        }
        if (target == Boolean.class || target == boolean.class) {
            return new String[] {"Ja oder nein (true/false)", "true or false"};
        }
        if (isWholeNumber(target)) {
            return new String[] {"Eine ganze Zahl", "a whole number"};
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return new String[] {"Eine Zahl", "a number"};
        }
        if (target.isEnum()) {
            return new String[] {"Einer der Werte " + enumValues(target), "one of " + enumValues(target)};
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return new String[] {
                "Ein gültiges Datum bzw. eine gültige Zeit (ISO 8601, z. B. 2026-12-01)",
                "a valid date or time (ISO 8601, e.g. 2026-12-01)"
            };
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return new String[] {"Eine Liste", "a list"};
        }
        if (target == UUID.class) {
            return new String[] {"Eine Kennung (UUID)", "an identifier (UUID)"};
        }
        if (Map.class.isAssignableFrom(target) || !target.isPrimitive()) {
            return new String[] {"Ein Objekt mit Feldern", "an object with fields"};
        }
        return new String[] {"Ein gültiger Wert", "a valid value"};
    }

    private static boolean isWholeNumber(Class<?> target) {
        return target == Integer.class
                || target == int.class
                || target == Long.class
                || target == long.class
                || target == Short.class
                || target == short.class
                || target == BigInteger.class;
    }

    private static String enumValues(Class<?> target) {
        StringBuilder values = new StringBuilder();
        for (Object constant : target.getEnumConstants()) {
            values.append(values.length() == 0 ? "" : ", ").append(constant);
        }
        return values.toString();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                pointer.append('/').append(BodyText.escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }
}
