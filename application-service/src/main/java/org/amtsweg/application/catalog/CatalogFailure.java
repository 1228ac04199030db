package org.amtsweg.application.catalog;

import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The catalogue failed: it could not be reached, the connection broke or timed out, or it answered
 * with a server error (5xx). Only this counts against the catalogue, for retries and for the circuit
 * breaker; a refusal of the request ({@link CatalogRefusal}) or an input of the caller does not.
 */
public class CatalogFailure extends RuntimeException {

    CatalogFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * What a failed call to the catalogue means for intake: a {@link CatalogFailure} when the catalogue
     * is at fault, a {@link CatalogRefusal} when it answered with a 4xx, anything else unchanged (it is
     * not the catalogue's failure, and the guards must not count it).
     */
    static Throwable classify(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                return new CatalogFailure("catalogue answered " + status, failure);
            }
            return new CatalogRefusal(status, failure);
        }
        if (failure instanceof ProcessingException && causedByTheConnection(failure)) {
            return new CatalogFailure("catalogue unreachable", failure);
        }
        return failure;
    }

    /** A connection refused, reset or timed out, or an answer that could not be read: all I/O, on the catalogue's side of the call. */
    private static boolean causedByTheConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof VertxException) {
                return true;
            }
        }
        return false;
    }
}
