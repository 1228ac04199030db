package org.amtsweg.resourceserver.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kind of refusal, with everything that belongs to the kind rather than to one occurrence: its URI
 * (which clients switch on), its HTTP status and its title in German and English (RFC 9457 §3.1.3: the
 * title of a type does not change between occurrences; the {@code detail} does). Implemented by enums,
 * one per owner — {@link PlatformProblem} here, each service's own for its domain — whose constants carry
 * their {@link Definition}; the slug is the constant's name in lower case with hyphens
 * ({@code CASE_HELD_BY_COLLEAGUE} is {@code case-held-by-colleague}), so name and URI cannot drift apart.
 * {@link ProblemTypes} explains how an owner registers its enum.
 */
public interface ProblemType {

    /** Status and titles of one type, on its enum constant. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Definition {
        int status();

        String german();

        String english();
    }

    /** The enum constant's name; every enum has it. */
    String name();

    /** The enum the constant belongs to; every enum has it. */
    Class<?> getDeclaringClass();

    default int status() {
        return Definitions.of(this).status();
    }

    default String german() {
        return Definitions.of(this).german();
    }

    default String english() {
        return Definitions.of(this).english();
    }

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

    /** The constants' definitions, read once per constant. */
    final class Definitions {

        private static final Map<ProblemType, Definition> READ = new ConcurrentHashMap<>();

        private Definitions() {}

        static Definition of(ProblemType type) {
            return READ.computeIfAbsent(type, constant -> {
                try {
                    Definition definition = constant.getDeclaringClass()
                            .getField(constant.name())
                            .getAnnotation(Definition.class);
                    if (definition == null) {
                        throw new IllegalStateException(
                                "problem type " + constant.slug() + " has no @ProblemType.Definition");
                    }
                    return definition;
                } catch (NoSuchFieldException notAConstant) {
                    throw new IllegalStateException(
                            "problem type " + constant.slug() + " is no enum constant", notAConstant);
                }
            });
        }
    }
}
