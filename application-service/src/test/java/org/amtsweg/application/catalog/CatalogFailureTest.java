package org.amtsweg.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed calls count against the catalogue (retry, circuit breaker), and which are answers or the caller's own. */
class CatalogFailureTest {

    @Test
    void serverErrorsAndBrokenConnectionsAreTheCataloguesFailures() {
        assertThat(CatalogFailure.classify(new WebApplicationException(500))).isInstanceOf(CatalogFailure.class);
        assertThat(CatalogFailure.classify(new WebApplicationException(503))).isInstanceOf(CatalogFailure.class);
        assertThat(CatalogFailure.classify(new ProcessingException(new ConnectException("Connection refused"))))
                .isInstanceOf(CatalogFailure.class);
        assertThat(CatalogFailure.classify(new ProcessingException(new TimeoutException("read timed out"))))
                .isInstanceOf(CatalogFailure.class);
        assertThat(CatalogFailure.classify(new ProcessingException(new VertxException("Connection was closed"))))
                .isInstanceOf(CatalogFailure.class);
    }

    @Test
    void refusalsAreAnswers() {
        assertThat(CatalogFailure.classify(new WebApplicationException(400))).isInstanceOf(CatalogRefusal.class);
        assertThat(CatalogFailure.classify(new WebApplicationException(414))).isInstanceOf(CatalogRefusal.class);
        assertThat(((CatalogRefusal) CatalogFailure.classify(new WebApplicationException(404))).status())
                .isEqualTo(404);
    }

    @Test
    void aRequestThatCouldNotEvenBeMadeIsNotTheCataloguesFailure() {
        IllegalArgumentException encoding = new IllegalArgumentException("Malformed input");
        assertThat(CatalogFailure.classify(encoding)).isSameAs(encoding);
        ProcessingException wrapped = new ProcessingException(encoding);
        assertThat(CatalogFailure.classify(wrapped)).isSameAs(wrapped);
    }
}
