package org.amtsweg.cases.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.amtsweg.cases.CaseFixture;
import org.junit.jupiter.api.Test;

/** The clerk's live inbox over Server-Sent Events, resumable after a reconnect. */
@QuarkusTest
class LiveInboxTest {

    @TestHTTPResource("/cases/events")
    URI events;

    @Inject
    Pool pool;

    /** A received SSE event. */
    record Received(long id, String name, String data) {}

    @Test
    void aClerkSeesHerAuthoritysEventsLiveAndResumesWithoutGapOrRepeat() throws Exception {
        String caseId = CaseFixture.openCase(UUID.randomUUID().toString());
        List<Received> first;
        try (Stream<String> stream = open(CaseFixture.HAGEN_CLERK, null)) {
            BlockingQueue<Received> received = collect(stream);
            given().auth()
                    .oauth2(CaseFixture.HAGEN_CLERK)
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .post("/cases/" + caseId + "/assign")
                    .then()
                    .statusCode(204);
            first = until(
                    received,
                    event -> event.data().contains(caseId) && event.name().equals("CaseStatusChanged"));
        }
        Received assigned = first.get(first.size() - 1);

        // While disconnected, the case is decided.
        given().auth()
                .oauth2(CaseFixture.HAGEN_CLERK)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "REJECTED",
                        "reasoning",
                        "Das Einkommen übersteigt die Grenze.",
                        "noticeText",
                        "Abgelehnt."))
                .post("/cases/" + caseId + "/decision")
                .then()
                .statusCode(201);

        try (Stream<String> stream = open(CaseFixture.HAGEN_CLERK, assigned.id())) {
            List<Received> resumed = until(
                    collect(stream),
                    event -> event.data().contains(caseId) && event.name().equals("DecisionIssued"));
            assertThat(resumed).allSatisfy(event -> assertThat(event.id()).isGreaterThan(assigned.id()));
            assertThat(resumed).extracting(Received::name).contains("CaseStatusChanged", "DecisionIssued");
        }
    }

    @Test
    void anotherAuthoritysClerkDoesNotSeeThem() throws Exception {
        try (Stream<String> stream = open(CaseFixture.DORTMUND_CLERK, 0L)) {
            BlockingQueue<Received> received = collect(stream);
            CaseFixture.openCase(UUID.randomUUID().toString());
            Received event = received.poll(4, TimeUnit.SECONDS);
            while (event != null) {
                assertThat(event.data()).contains("stadt-dortmund").doesNotContain("stadt-hagen");
                event = received.poll(500, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * A transaction that wrote its event first but commits after a later one (a slow commit, a long
     * statement) is streamed, not skipped, and each event once: the log is read in the order
     * transactions became final, not by a guess of how long a commit can take.
     */
    @Test
    void anEventWhoseTransactionCommitsLateIsStreamedNotSkipped() throws Exception {
        String slow = UUID.randomUUID().toString();
        String quick = UUID.randomUUID().toString();
        long end = pool.query("SELECT coalesce(max(seq), 0) AS last FROM case_event")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("last");
        try (Stream<String> stream = open(CaseFixture.HAGEN_CLERK, end)) {
            BlockingQueue<Received> received = collect(stream);
            CompletableFuture<Void> written = new CompletableFuture<>();
            CompletableFuture<Void> slowCommit = pool.withTransaction(connection -> logEvent(connection, slow)
                            .invoke(() -> written.complete(null))
                            .onItem()
                            .delayIt()
                            .by(Duration.ofMillis(1500)))
                    .subscribeAsCompletionStage()
                    .toCompletableFuture();
            written.get(10, TimeUnit.SECONDS);
            pool.withTransaction(connection -> logEvent(connection, quick))
                    .await()
                    .indefinitely();
            slowCommit.get(10, TimeUnit.SECONDS);

            List<Received> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline
                    && seen.stream().noneMatch(event -> event.data().contains(quick))) {
                Received event = received.poll(500, TimeUnit.MILLISECONDS);
                if (event != null
                        && (event.data().contains(slow) || event.data().contains(quick))) {
                    seen.add(event);
                }
            }
            // Give a repetition the chance to show.
            Received more = received.poll(500, TimeUnit.MILLISECONDS);
            if (more != null && (more.data().contains(slow) || more.data().contains(quick))) {
                seen.add(more);
            }
            assertThat(seen)
                    .extracting(event -> event.data().contains(slow) ? "slow" : "quick")
                    .containsExactly("slow", "quick");
        }
    }

    private static Uni<Void> logEvent(SqlConnection connection, String applicationId) {
        return connection
                .preparedQuery(
                        "INSERT INTO case_event (authority_id, type, payload) VALUES ('stadt-hagen', 'CaseStatusChanged', $1::jsonb)")
                .execute(Tuple.of("{\"applicationId\":\"" + applicationId + "\",\"authorityId\":\"stadt-hagen\"}"))
                .replaceWithVoid();
    }

    private Stream<String> open(String token, Long lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Parses the stream's events into a queue, in the background. */
    private static BlockingQueue<Received> collect(Stream<String> lines) {
        BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            long id = -1;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (var iterator = lines.iterator(); iterator.hasNext(); ) {
                String line = iterator.next();
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && id >= 0) {
                    queue.add(new Received(id, name, data.toString()));
                    id = -1;
                    name = null;
                    data.setLength(0);
                }
            }
        });
        return queue;
    }

    private static List<Received> until(BlockingQueue<Received> queue, Predicate<Received> last)
            throws InterruptedException {
        List<Received> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Received event = queue.poll(500, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (last.test(event)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("the expected event did not arrive; seen: " + seen);
    }
}
