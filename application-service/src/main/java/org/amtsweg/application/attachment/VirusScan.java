package org.amtsweg.application.attachment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.application.IntakeConfig;
import org.amtsweg.application.Problems;
import org.jboss.logging.Logger;

/**
 * The hook every upload passes: with {@code amtsweg.intake.clamd.host} set, a ClamAV daemon checks
 * the document and an infected one is refused; without it, documents pass unscanned.
 */
@ApplicationScoped
public class VirusScan {

    private static final Logger LOG = Logger.getLogger(VirusScan.class);

    private final ClamdScanner scanner;

    public VirusScan(IntakeConfig config, Vertx vertx) {
        this.scanner = config.clamd()
                .host()
                .map(host -> new ClamdScanner(
                        vertx, host, config.clamd().port(), config.clamd().timeout()))
                .orElse(null);
    }

    /** Succeeds for a clean document (or when scanning is off); fails with a problem otherwise. */
    public Uni<Void> check(byte[] content) {
        if (scanner == null) {
            return Uni.createFrom().voidItem();
        }
        return scanner.scan(content)
                .onFailure()
                .transform(failure -> {
                    LOG.warnf("virus scan unavailable: %s", failure.getMessage());
                    return Problems.scanUnavailable();
                })
                .map(verdict -> {
                    if (!verdict.clean()) {
                        LOG.warnf("upload refused: malware signature %s", verdict.signature());
                        throw Problems.infected(verdict.signature());
                    }
                    return null;
                });
    }
}
