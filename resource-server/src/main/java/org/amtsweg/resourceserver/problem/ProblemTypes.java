package org.amtsweg.resourceserver.problem;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The registry of the problem types a service can answer: the platform's and the service's own, as
 * their {@link ProblemCatalog}s list them. Loaded once per class loader (a test run restarts the
 * application in a new one). A slug registered twice, a status outside 4xx/5xx or a missing title stops
 * the loading: a contract that contradicts itself must not reach a client.
 */
public final class ProblemTypes {

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
        List<ProblemType> types = new java.util.ArrayList<>();
        for (ProblemCatalog catalog : ServiceLoader.load(ProblemCatalog.class, loader)) {
            types.addAll(catalog.types());
        }
        return of(types);
    }

    /** A registry of exactly these types, checked as the installed one is. */
    public static ProblemTypes of(Collection<? extends ProblemType> types) {
        Map<String, ProblemType> bySlug = new TreeMap<>();
        for (ProblemType type : types) {
            if (!SLUG.matcher(type.slug()).matches()) {
                throw new IllegalStateException("problem type " + type.slug() + ": a slug is lower case words joined by hyphens");
            }
            if (type.status() < 400 || type.status() > 599) {
                throw new IllegalStateException("problem type " + type.slug() + ": status " + type.status() + " is no refusal");
            }
            if (type.german() == null || type.german().isBlank() || type.english() == null || type.english().isBlank()) {
                throw new IllegalStateException("problem type " + type.slug() + ": needs a German and an English title");
            }
            ProblemType earlier = bySlug.putIfAbsent(type.slug(), type);
            if (earlier != null && earlier != type) {
                throw new IllegalStateException("problem type " + type.slug() + " is registered twice: by "
                        + earlier.getClass().getName() + " and by " + type.getClass().getName());
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
        if (!installed().contains(type) && !loadedBy(type.getClass().getClassLoader()).contains(type)) {
            throw new IllegalStateException("problem type " + type.slug() + " (" + type.getClass().getName()
                    + ") is not registered: list its catalogue in META-INF/services/" + ProblemCatalog.class.getName());
        }
    }
}
