package org.amtsweg.application.catalog;

import jakarta.ws.rs.core.Response;
import org.amtsweg.application.Problems;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How a catalogue that does not answer is said to the citizen, wherever intake asked it (opening,
 * saving, submitting, uploading, replying, a receipt): 503 {@code catalog-unavailable}, try again; a
 * refusal of intake's own question is 502 {@code catalog-error}. Neither names anything internal.
 */
public class CatalogProblems {

    private static final Logger LOG = Logger.getLogger(CatalogProblems.class);

    @ServerExceptionMapper
    public Response unavailable(CatalogFailure failure) {
        LOG.warnf(
                "catalogue unavailable: %s",
                failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
        return Problems.catalogUnavailable().toResponse();
    }

    @ServerExceptionMapper
    public Response timedOut(TimeoutException failure) {
        LOG.warn("catalogue did not answer in time");
        return Problems.catalogUnavailable().toResponse();
    }

    @ServerExceptionMapper
    public Response breakerOpen(CircuitBreakerOpenException failure) {
        return Problems.catalogUnavailable().toResponse();
    }

    @ServerExceptionMapper
    public Response refused(CatalogRefusal refusal) {
        LOG.errorf("catalogue refused a request of intake with %d", refusal.status());
        return Problems.catalogError().toResponse();
    }
}
