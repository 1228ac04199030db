package org.amtsweg.cases.registry;

import io.smallrye.mutiny.Uni;

/**
 * One register the case service can check applications against. The resident register comes first;
 * vehicle and business registers follow behind the same interface.
 */
public interface RegisterAdapter {

    /** The register's code, as services name it in the catalogue, e.g. {@code RESIDENT_REGISTER}. */
    String register();

    /** The legal basis that permits the query, recorded with every check. */
    String legalBasis();

    /** Asks the register; a failure means the register could not answer (it is retried later). */
    Uni<RegisterAnswer> check(RegisterQuery query);
}
