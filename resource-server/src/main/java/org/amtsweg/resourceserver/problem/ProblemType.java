package org.amtsweg.resourceserver.problem;

import java.util.Locale;

/**
 * A kind of refusal, with everything that belongs to the kind rather than to one occurrence: its URI
 * (which clients switch on), its HTTP status and its title in German and English (RFC 9457 §3.1.3: the
 * title of a type does not change between occurrences; the {@code detail} does). Implemented by enums,
 * one per owner: {@link PlatformProblem} here, and each service's own for its domain, registered through
 * a {@link ProblemCatalog}. The slug is the constant's name in lower case with hyphens
 * ({@code CASE_HELD_BY_COLLEAGUE} is {@code case-held-by-colleague}), so name and URI cannot drift apart.
 */
public interface ProblemType {

    /** The enum constant's name; every enum has it. */
    String name();

    int status();

    String german();

    String english();

    default String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    default String uri() {
        return Problem.TYPE_BASE + slug();
    }

    /** Both titles, as every answer carries them: {@code "Nicht gefunden / Not found"}. */
    default String title() {
        return german() + " / " + english();
    }

    /** An occurrence of this type, refused by {@link Problem#of} if the type is not registered. */
    default Problem problem(String detail) {
        return Problem.of(this, detail);
    }
}
