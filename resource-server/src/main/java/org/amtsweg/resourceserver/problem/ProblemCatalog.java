package org.amtsweg.resourceserver.problem;

import java.util.Collection;

/**
 * The problem types one owner registers, found with {@link java.util.ServiceLoader}: the library lists
 * {@link PlatformProblem}'s catalogue, each service its own enum's in
 * {@code META-INF/services/org.amtsweg.resourceserver.problem.ProblemCatalog}.
 */
public interface ProblemCatalog {

    Collection<? extends ProblemType> types();
}
