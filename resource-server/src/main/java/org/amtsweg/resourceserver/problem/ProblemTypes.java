package org.amtsweg.resourceserver.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The registry of the problem types a service can answer: the platform's and the service's own. Each
 * owner lists its enums of {@link ProblemType}, one class name a line, in a resource
 * {@value #LISTING} (this library lists {@link PlatformProblem}; a service its own enum); the registry
 * reads every such resource on the class path, once per class loader (a test run restarts the
 * application in a new one). A slug registered twice, a status outside 4xx/5xx, a missing title or a
 * listed class that is no such enum stops the loading: a contract that contradicts itself must not reach
 * a client.
 */
public final class ProblemTypes {

    /** Where an owner lists its enums of problem types. */
    public static final String LISTING = "META-INF/amtsweg-problem-types";

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Map<ClassLoader, ProblemTypes> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, ProblemType> bySlug;

    private ProblemTypes(Map<String, ProblemType> bySlug) {
        this.bySlug = Collections.unmodifiableMap(bySlug);
    }

    /** The types registered where the current request (or test) runs. */
    public static ProblemTypes installed() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return loadedBy(context != null ? context : ProblemTypes.class.getClassLoader());
    }

    private static ProblemTypes loadedBy(ClassLoader loader) {
        return LOADED.computeIfAbsent(loader, ProblemTypes::load);
    }

    static ProblemTypes load(ClassLoader loader) {
        List<ProblemType> types = new ArrayList<>();
        try {
            for (URL listing : Collections.list(loader.getResources(LISTING))) {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(listing.openStream(), StandardCharsets.UTF_8))) {
                    for (String line : lines.lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .toList()) {
                        types.addAll(constants(Class.forName(line, true, loader), listing));
                    }
                }
            }
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new IllegalStateException("the problem types listed in " + LISTING + " cannot be read", unreadable);
        }
        return of(types);
    }

    private static List<ProblemType> constants(Class<?> listed, URL listing) {
        if (!listed.isEnum() || !ProblemType.class.isAssignableFrom(listed)) {
            throw new IllegalStateException(
                    listing + " lists " + listed.getName() + ", which is no enum of problem types");
        }
        return Arrays.stream(listed.getEnumConstants())
                .map(ProblemType.class::cast)
                .toList();
    }

    /** A registry of exactly these types, checked as the installed one is. */
    public static ProblemTypes of(Collection<? extends ProblemType> types) {
        Map<String, ProblemType> bySlug = new TreeMap<>();
        for (ProblemType type : types) {
            if (!SLUG.matcher(type.slug()).matches()) {
                throw new IllegalStateException(
                        "problem type " + type.slug() + ": a slug is lower case words joined by hyphens");
            }
            if (type.status() < 400 || type.status() > 599) {
                throw new IllegalStateException(
                        "problem type " + type.slug() + ": status " + type.status() + " is no refusal");
            }
            if (type.german() == null
                    || type.german().isBlank()
                    || type.english() == null
                    || type.english().isBlank()) {
                throw new IllegalStateException(
                        "problem type " + type.slug() + ": needs a German and an English title");
            }
            ProblemType earlier = bySlug.putIfAbsent(type.slug(), type);
            if (earlier != null && earlier != type) {
                throw new IllegalStateException("problem type " + type.slug() + " is registered twice: by "
                        + earlier.getClass().getName() + " and by "
                        + type.getClass().getName());
            }
        }
        return new ProblemTypes(bySlug);
    }

    /** Every registered type, by slug. */
    public Collection<ProblemType> all() {
        return bySlug.values();
    }

    public Optional<ProblemType> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public boolean contains(ProblemType type) {
        return bySlug.get(type.slug()) == type;
    }

    /** Refuses to build an answer of a type nobody registered: it would be missing from the published contract. */
    static void require(ProblemType type) {
        // Where the type is defined counts too: a thread may run with another context class loader.
        if (!installed().contains(type)
                && !loadedBy(type.getClass().getClassLoader()).contains(type)) {
            throw new IllegalStateException("problem type " + type.slug() + " ("
                    + type.getClass().getName() + ") is not registered: list its enum in " + LISTING);
        }
    }
}
