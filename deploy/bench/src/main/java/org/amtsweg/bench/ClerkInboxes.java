package org.amtsweg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A few Hagen clerks with their live inbox open ({@code GET /cases/events}, Server-Sent Events): when the
 * first of them saw each application's {@code CaseOpened} — the moment a clerk sees a new case.
 */
final class ClerkInboxes implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Vertx vertx = Vertx.vertx();

    ClerkInboxes(String caseService, Supplier<String> clerk, int clerks) throws InterruptedException {
        URI base = URI.create(caseService);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort())
                .setMaxPoolSize(clerks));
        CountDownLatch connected = new CountDownLatch(clerks);
        for (int i = 0; i < clerks; i++) {
            client.request(HttpMethod.GET, "/cases/events")
                    .compose(request -> request.putHeader("Authorization", "Bearer " + clerk.get())
                            .putHeader("Accept", "text/event-stream")
                            .send())
                    .onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("the live inbox answered " + response.statusCode());
                        }
                        connected.countDown();
                        response.handler(lines(new Listener()));
                    })
                    .onFailure(failure -> {
                        System.err.println("a clerk's live inbox failed: " + failure);
                    });
        }
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every clerk's live inbox opened within 30 s");
        }
    }

    /** The stream's lines (SSE frames events by lines: "event: …", "data: …", blank line). */
    private static RecordParser lines(Listener listener) {
        return RecordParser.newDelimited(
                "\n", buffer -> listener.line(buffer.toString().stripTrailing()));
    }

    /** One clerk's stream: the event name, then its data. */
    private final class Listener {
        private String event;

        void line(String line) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:") && "CaseOpened".equals(event)) {
                long now = System.nanoTime();
                try {
                    JsonNode data = JSON.readTree(line.substring("data:".length()));
                    firstSeen.putIfAbsent(data.get("applicationId").asText(), now);
                } catch (Exception e) {
                    throw new IllegalStateException("unreadable live-inbox event: " + line, e);
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }
    }

    /** When a clerk first saw the case of {@code applicationId}, or null. */
    Long arrival(String applicationId) {
        return firstSeen.get(applicationId);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
