package org.amtsweg.catalog;

import java.util.List;
import java.util.Map;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.resourceserver.problem.Problem;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * The catalogue's refusals, each of a registered type ({@link CatalogProblem}, or the platform's) with the
 * detail of its occurrence.
 */
public final class Problems {

    private Problems() {}

    /** What is missing is said in the detail; the title is the type's ("Nicht gefunden / Not found"). */
    public static Problem notFound(String detail) {
        return PlatformProblem.NOT_FOUND.problem(detail);
    }

    public static Problem noResponsibility(String service, String ags) {
        return CatalogProblem.NO_RESPONSIBILITY
                .problem("Für die Leistung " + service + " ist am Ort " + ags + " keine Behörde zuständig.")
                .with("service", service)
                .with("ags", ags);
    }

    public static Problem invalidInput(List<Violation> violations) {
        return PlatformProblem.validationFailed(violations);
    }

    /** The same, with members that say more about the whole input (e.g. a CSV's unknown and known columns). */
    public static Problem invalidInput(List<Violation> violations, Map<String, Object> members) {
        Problem problem = PlatformProblem.validationFailed(violations);
        members.forEach(problem::with);
        return problem;
    }

    /** A body in a charset this service cannot read. */
    public static Problem unsupportedCharset(String charset) {
        return PlatformProblem.UNSUPPORTED_MEDIA_TYPE
                .problem("Den Zeichensatz " + charset + " kennt dieser Dienst nicht; senden Sie UTF-8.")
                .with("charset", charset);
    }

    public static Problem conflict(String detail) {
        return CatalogProblem.CONFLICT.problem(detail);
    }

    public static Problem invalidParameter(String parameter, String detail) {
        return PlatformProblem.invalidParameter(parameter, detail);
    }
}
