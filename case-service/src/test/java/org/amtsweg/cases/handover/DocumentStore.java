package org.amtsweg.cases.handover;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * application-service's document store and the gateway's token endpoint, as far as a push delivery needs them:
 * every attachment's content is {@code test} (the SHA-256 the contract's example ApplicationSubmitted records),
 * and any client gets a token. The other test classes keep the store away (nothing answers on port 9).
 */
public class DocumentStore implements QuarkusTestResourceLifecycleManager {

    public static final byte[] CONTENT = "test".getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/token")) {
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"access_token\":\"store-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else if (request.path().matches("/submissions/[^/]+/attachments/[^/]+")) {
                request.response().putHeader("Content-Type", "application/pdf").end(Buffer.buffer(CONTENT));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the document store did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.documents.url", url, "quarkus.oidc-client.auth-server-url", url);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
