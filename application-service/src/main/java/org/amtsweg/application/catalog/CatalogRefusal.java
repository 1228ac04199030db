package org.amtsweg.application.catalog;

/**
 * The catalogue answered, but refused the question with a 4xx other than 404 (which means "not
 * there" and is an answer intake handles). The catalogue is up, so this never counts for its circuit
 * breaker; the citizen gets a 502, as the question came from intake, not from her.
 */
public class CatalogRefusal extends RuntimeException {

    private final int status;

    CatalogRefusal(int status, Throwable cause) {
        super("catalogue refused the request with " + status, cause, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
