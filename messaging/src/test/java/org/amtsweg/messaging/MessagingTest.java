package org.amtsweg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.amtsweg.messaging.consume.PassingFailure;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxEvent;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The library in a running application against the real broker and database: what a service that
 * publishes through the outbox and consumes through the skeleton can rely on.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MessagingTest {

    private static final String TYPE = "org.amtsweg.test.JournalEntry";

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Journal journal;

    @Test
    void anAppendedEventIsFoundByTheSweepPublishedAsACloudEventAndLeavesTheOutbox() {
        String correlationId = UUID.randomUUID().toString();
        UUID id = pool.withTransaction(connection -> outbox.append(
                        connection,
                        KafkaProbe.TOPIC,
                        "journal-1",
                        TYPE,
                        correlationId,
                        new JournalEntry("published by the sweep")))
                .await()
                .indefinitely();
        // No nudge: the relay's poll finds it.

        await().atMost(Duration.ofSeconds(20)).until(() -> journal(id.toString()) != null);
        assertThat(journal(id.toString())).isEqualTo("published by the sweep");
        ConsumerRecord<String, String> record = only(id);
        assertThat(record.key()).isEqualTo("journal-1");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(TYPE);
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("urn:amtsweg:messaging-test");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo("journal-1");
        assertThat(KafkaProbe.header(record, "ce_correlationid")).isEqualTo(correlationId);
        assertThat(KafkaProbe.header(record, "traceparent")).startsWith("00-" + correlationId.replace("-", "") + "-");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxHolds(id) == 0);
    }

    @Test
    void anEventSentRightAfterItsCommitIsPublishedOnceAndLeavesTheOutbox() {
        OutboxEvent event = new OutboxEvent(
                UUID.randomUUID(),
                KafkaProbe.TOPIC,
                "journal-2",
                TYPE,
                UUID.randomUUID().toString(),
                "{\"text\":\"sent after commit\"}",
                OffsetDateTime.now(ZoneOffset.UTC));
        relay.expect(event.id());
        pool.withTransaction(connection -> outbox.append(connection, event))
                .await()
                .indefinitely();
        relay.publishCommitted(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> journal(event.id().toString()) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxHolds(event.id()) == 0);
        // Several sweeps ran meanwhile (every 200 ms here): none sent it a second time.
        assertThat(KafkaProbe.all(KafkaProbe.TOPIC).stream()
                        .filter(r -> event.id().toString().equals(KafkaProbe.header(r, "ce_id"))))
                .hasSize(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send("journal-3", "{\"text\":\"once\"}", KafkaProbe.cloudEvent(id, TYPE));
        KafkaProbe.send("journal-3", "{\"text\":\"twice?\"}", KafkaProbe.cloudEvent(id, TYPE));
        String marker = UUID.randomUUID().toString();
        KafkaProbe.send("journal-3", "{\"text\":\"after\"}", KafkaProbe.cloudEvent(marker, TYPE));

        await().atMost(Duration.ofSeconds(20)).until(() -> journal(marker) != null);
        assertThat(journal(id)).isEqualTo("once");
        assertThat(processedByJournal(id)).isEqualTo(1);
    }

    @Test
    void aPassingFailureWaitsAndIsAppliedNeverDeadLettered() {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send("journal-4", "{\"text\":\"passing-failures:4\"}", KafkaProbe.cloudEvent(id, TYPE));

        await().atMost(Duration.ofSeconds(20)).until(() -> journal(id) != null);
        assertThat(journal(id)).isEqualTo("passing-failures:4");
        assertThat(deadLettered(id)).isEmpty();
    }

    @Test
    void anOffsetIsCommittedOnlyOnceTheEffectHasCommitted() {
        execute("INSERT INTO commit_fault VALUES (true)");
        String id = UUID.randomUUID().toString();
        RecordMetadata sent = KafkaProbe.send(
                "journal-6",
                "{\"text\":\"commit-fails while the database refuses it\"}",
                KafkaProbe.cloudEvent(id, TYPE));

        // The effect ran again and again, and each time its transaction failed at COMMIT: nothing applied, nothing
        // recorded as processed, and over several of the consumer's commit rounds (every 500 ms here) the record's
        // offset was not committed, so that a consumer starting now would read it again.
        await().atMost(Duration.ofSeconds(20)).until(() -> journal.attempts(id) >= 12);
        assertThat(journal(id)).isNull();
        assertThat(processedByJournal(id)).isZero();
        assertThat(KafkaProbe.committed(Journal.GROUP, sent)).isLessThanOrEqualTo(sent.offset());

        execute("DELETE FROM commit_fault");
        await().atMost(Duration.ofSeconds(20)).until(() -> journal(id) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> KafkaProbe.committed(Journal.GROUP, sent) > sent.offset());
        assertThat(processedByJournal(id)).isEqualTo(1);
    }

    @Test
    void aCommandOnAConnectionTheServerClosedIsAPassingFailure() throws Exception {
        // As when PostgreSQL is killed under a pooled connection: the server ends the backend, the client closes it,
        // and the next command given to it fails without an exception type of its own.
        SqlConnection connection = pool.getConnection().await().indefinitely();
        CountDownLatch closed = new CountDownLatch(1);
        connection.closeHandler(closed::countDown);
        int backend = connection
                .query("SELECT pg_backend_pid()")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getInteger(0);
        pool.preparedQuery("SELECT pg_terminate_backend($1)")
                .execute(Tuple.of(backend))
                .await()
                .indefinitely();
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();

        Throwable failure = connection
                .query("SELECT 1")
                .execute()
                .onItem()
                .<Throwable>transform(rows -> null)
                .onFailure()
                .recoverWithItem(f -> f)
                .await()
                .indefinitely();

        assertThat(failure).hasMessageStartingWith("Connection is not active now");
        assertThat(PassingFailure.isPassing(failure)).isTrue();
    }

    @Test
    void consumersAreStaticMembersOfTheirGroupsUnderTheInstancesName() {
        // A restarted instance rejoins as the member it was and takes its partitions up at once; the cooperative
        // assignor moves only what must move when members come and go.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.group(Journal.GROUP).groupState() == GroupState.STABLE);
        ConsumerGroupDescription group = KafkaProbe.group(Journal.GROUP);
        assertThat(group.partitionAssignor()).isEqualTo("cooperative-sticky");
        assertThat(group.members())
                .singleElement()
                .satisfies(member -> assertThat(member.groupInstanceId())
                        .hasValue("messaging-test-instance.kafka-consumer-journal-in"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() {
        String notACloudEvent = "plain-" + UUID.randomUUID();
        KafkaProbe.send(notACloudEvent, "{\"text\":\"no envelope\"}", Map.of());
        String mismatch = UUID.randomUUID().toString();
        KafkaProbe.send("journal-5", "[\"not\", \"a\", \"journal entry\"]", KafkaProbe.cloudEvent(mismatch, TYPE));
        String refused = UUID.randomUUID().toString();
        KafkaProbe.send("journal-5", "{\"text\":\"contract-violation\"}", KafkaProbe.cloudEvent(refused, TYPE));
        String valid = UUID.randomUUID().toString();
        KafkaProbe.send("journal-5", "{\"text\":\"after the poison\"}", KafkaProbe.cloudEvent(valid, TYPE));

        await().atMost(Duration.ofSeconds(20)).until(() -> journal(valid) != null);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.all(KafkaProbe.DEAD_LETTERS);
        assertThat(dead.stream()
                        .filter(r -> notACloudEvent.equals(r.key()))
                        .map(r -> KafkaProbe.header(r, "dead-letter-reason")))
                .containsExactly("not a CloudEvent: no ce_* headers");
        assertThat(deadLettered(mismatch))
                .singleElement()
                .satisfies(r -> assertThat(KafkaProbe.header(r, "dead-letter-reason"))
                        .startsWith(TYPE + " does not match its contract"));
        assertThat(deadLettered(refused))
                .singleElement()
                .satisfies(r -> assertThat(KafkaProbe.header(r, "dead-letter-reason"))
                        .isEqualTo("a journal line the journal refuses"));
        assertThat(journal(mismatch)).isNull();
        assertThat(journal(refused)).isNull();
        // The operator sees them counted: in readiness (still UP) and as a metric.
        RestAssured.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'Dead-lettered events since start' }.data.'messaging-test.journal'",
                        Matchers.greaterThanOrEqualTo(3));
    }

    private ConsumerRecord<String, String> only(UUID id) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.all(KafkaProbe.TOPIC).stream()
                .filter(r -> id.toString().equals(KafkaProbe.header(r, "ce_id")))
                .toList();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static List<ConsumerRecord<String, String>> deadLettered(String id) {
        return KafkaProbe.all(KafkaProbe.DEAD_LETTERS).stream()
                .filter(r -> id.equals(KafkaProbe.header(r, "ce_id")))
                .toList();
    }

    private String journal(String eventId) {
        var rows = pool.preparedQuery("SELECT text FROM journal_entry WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .await()
                .indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("text");
    }

    private void execute(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }

    private long outboxHolds(UUID id) {
        return count("SELECT count(*) FROM outbox_event WHERE id = $1", id);
    }

    /** Entries of the journal's consumer: the batch consumer reads the same topic and records its own. */
    private long processedByJournal(String eventId) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(Journal.CONSUMER, eventId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(parameter))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
