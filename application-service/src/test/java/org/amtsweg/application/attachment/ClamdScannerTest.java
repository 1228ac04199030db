package org.amtsweg.application.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clamd client against a server speaking clamd's protocol over a real socket. */
class ClamdScannerTest {

    private final Vertx vertx = Vertx.vertx();
    private ClamdProtocolServer daemon;

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = new ClamdProtocolServer();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
        vertx.closeAndAwait();
    }

    @Test
    void aCleanDocumentPassesEvenAcrossSeveralChunks() {
        var verdict = scanner().scan(new byte[200 * 1024]).await().atMost(Duration.ofSeconds(10));
        assertThat(verdict.clean()).isTrue();
    }

    @Test
    void theEicarTestFileIsFoundWithItsSignature() {
        var verdict = scanner().scan(ClamdProtocolServer.EICAR).await().atMost(Duration.ofSeconds(10));
        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.signature()).isEqualTo("Eicar-Test-Signature");
    }

    @Test
    void aDaemonThatIsNotThereIsAFailureNotAVerdict() throws IOException {
        int port = daemon.port();
        daemon.close();
        assertThatThrownBy(() -> new ClamdScanner(vertx, "127.0.0.1", port, Duration.ofSeconds(2))
                        .scan(new byte[10])
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isNotNull();
    }

    private ClamdScanner scanner() {
        return new ClamdScanner(vertx, "127.0.0.1", daemon.port(), Duration.ofSeconds(5));
    }
}
