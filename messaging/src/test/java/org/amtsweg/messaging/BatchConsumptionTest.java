package org.amtsweg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The batch form of the consumer skeleton ({@link Tally}): what a counting service relies on when it reads a poll
 * at a time — every event applied exactly once, many in one transaction, poison set aside without its neighbours.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BatchConsumptionTest {

    private static final String TYPE = Tally.TYPE;

    @Inject
    Pool pool;

    @Inject
    Tally tally;

    @Test
    void eventsSentTogetherAreAppliedOnceEachManyInOneTransaction() {
        List<String> ids = IntStream.range(0, 200)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        ids.forEach(id -> records.add(
                KafkaProbe.record("tally-1", "{\"text\":\"line " + id + "\"}", KafkaProbe.cloudEvent(id, TYPE))));
        // The producer sends the first one twice: it counts once.
        records.add(KafkaProbe.record("tally-1", "{\"text\":\"line again\"}", KafkaProbe.cloudEvent(ids.get(0), TYPE)));
        KafkaProbe.sendTogether(records);

        await().atMost(Duration.ofSeconds(20)).until(() -> tallied(ids) == ids.size());
        assertThat(text(ids.get(0))).isEqualTo("line " + ids.get(0));
        assertThat(count(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'messaging-test.tally' AND event_id = $1",
                        ids.get(0)))
                .isEqualTo(1);
        // Sent together, they were read in polls of many and committed together.
        assertThat(largestBatch(ids)).isGreaterThan(1);
    }

    @Test
    void poisonInABatchGoesToTheDeadLetterTopicAndTheOthersAreApplied() {
        String before = UUID.randomUUID().toString();
        String mismatch = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String notACloudEvent = "plain-" + UUID.randomUUID();
        String after = UUID.randomUUID().toString();
        KafkaProbe.sendTogether(List.of(
                KafkaProbe.record("tally-2", "{\"text\":\"before the poison\"}", KafkaProbe.cloudEvent(before, TYPE)),
                KafkaProbe.record(
                        "tally-2", "[\"not\", \"a\", \"journal entry\"]", KafkaProbe.cloudEvent(mismatch, TYPE)),
                KafkaProbe.record("tally-2", "{\"text\":\"contract-violation\"}", KafkaProbe.cloudEvent(refused, TYPE)),
                KafkaProbe.record(notACloudEvent, "{\"text\":\"no envelope\"}", Map.of()),
                KafkaProbe.record("tally-2", "{\"text\":\"after the poison\"}", KafkaProbe.cloudEvent(after, TYPE))));

        await().atMost(Duration.ofSeconds(20)).until(() -> tallied(List.of(before, after)) == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettered(refused).size() == 1);
        assertThat(KafkaProbe.header(deadLettered(refused).get(0), "dead-letter-reason"))
                .isEqualTo("a journal line the tally refuses");
        assertThat(KafkaProbe.header(deadLettered(mismatch).get(0), "dead-letter-reason"))
                .startsWith(TYPE + " does not match its contract");
        assertThat(KafkaProbe.all(KafkaProbe.TALLY_DEAD_LETTERS).stream()
                        .filter(r -> notACloudEvent.equals(r.key()))
                        .map(r -> KafkaProbe.header(r, "dead-letter-reason")))
                .containsExactly("not a CloudEvent: no ce_* headers");
        assertThat(tallied(List.of(mismatch, refused))).isZero();
        // What was dead-lettered is not recorded as processed: re-driven once mended, it applies.
        assertThat(count(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'messaging-test.tally' AND event_id = $1",
                        refused))
                .isZero();
    }

    @Test
    void aPassingFailureWaitsWithItsBatchAndIsAppliedNeverDeadLettered() {
        String waiting = UUID.randomUUID().toString();
        String neighbour = UUID.randomUUID().toString();
        KafkaProbe.sendTogether(List.of(
                KafkaProbe.record("tally-3", "{\"text\":\"passing-failures:3\"}", KafkaProbe.cloudEvent(waiting, TYPE)),
                KafkaProbe.record("tally-3", "{\"text\":\"its neighbour\"}", KafkaProbe.cloudEvent(neighbour, TYPE))));

        await().atMost(Duration.ofSeconds(20)).until(() -> tallied(List.of(waiting, neighbour)) == 2);
        assertThat(deadLettered(waiting)).isEmpty();
        assertThat(deadLettered(neighbour)).isEmpty();
    }

    @Test
    void whatFollowsACommitFollowsOnlyTheCommitThatHappened() {
        String failing = UUID.randomUUID().toString();
        String neighbour = UUID.randomUUID().toString();
        pool.query("INSERT INTO commit_fault VALUES (true)").execute().await().indefinitely();
        try {
            KafkaProbe.sendTogether(List.of(
                    KafkaProbe.record(
                            "tally-5",
                            "{\"text\":\"commit-fails until released\"}",
                            KafkaProbe.cloudEvent(failing, TYPE)),
                    KafkaProbe.record(
                            "tally-5", "{\"text\":\"its neighbour\"}", KafkaProbe.cloudEvent(neighbour, TYPE))));
            // Every statement of the effect succeeded, its commit did not: tried again, and nothing followed.
            await().atMost(Duration.ofSeconds(20)).until(() -> tally.attempts(failing) >= 2);
            assertThat(tally.confirmations(failing)).isZero();
        } finally {
            pool.query("DELETE FROM commit_fault").execute().await().indefinitely();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> tallied(List.of(failing, neighbour)) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> tally.confirmations(neighbour) == 1);
        assertThat(tally.confirmations(failing)).isEqualTo(1);
        assertThat(tally.attempts(failing)).isGreaterThan(1);
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotHandleIsPassedByWithoutATrace() {
        String unrelated = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        KafkaProbe.sendTogether(List.of(
                KafkaProbe.record(
                        "tally-4",
                        "{\"anything\":\"at all\"}",
                        KafkaProbe.cloudEvent(unrelated, "org.amtsweg.test.SomethingElse")),
                KafkaProbe.record(
                        "tally-4", "{\"text\":\"after the unrelated one\"}", KafkaProbe.cloudEvent(after, TYPE))));

        await().atMost(Duration.ofSeconds(20)).until(() -> tallied(List.of(after)) == 1);
        assertThat(tallied(List.of(unrelated))).isZero();
        assertThat(count(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'messaging-test.tally' AND event_id = $1",
                        unrelated))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'messaging-test.tally' AND event_id = $1",
                        after))
                .isEqualTo(1);
        assertThat(deadLettered(unrelated)).isEmpty();
    }

    private long tallied(List<String> ids) {
        return pool.preparedQuery("SELECT count(*) FROM tally_entry WHERE event_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private int largestBatch(List<String> ids) {
        return pool.preparedQuery("SELECT max(batch_size) FROM tally_entry WHERE event_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getInteger(0);
    }

    private String text(String id) {
        return pool.preparedQuery("SELECT text FROM tally_entry WHERE event_id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);
    }

    private static List<ConsumerRecord<String, String>> deadLettered(String id) {
        return KafkaProbe.all(KafkaProbe.TALLY_DEAD_LETTERS).stream()
                .filter(r -> id.equals(KafkaProbe.header(r, "ce_id")))
                .toList();
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
