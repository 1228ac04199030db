package org.amtsweg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.amtsweg.events.ApplicationSubmitted;
import org.amtsweg.events.testing.EventContracts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's way back from a dead-letter topic: a valid submission that an earlier release
 * dead-lettered while its database was briefly down (#19) waits in {@code case-service.applications.dlq};
 * {@code dead-letters.sh list} shows it with its reason, {@code redrive} sends it back to {@code applications},
 * the case opens at Hagen's inbox, and a second redrive sends nothing again.
 */
@ExtendWith(RunningPlatform.class)
class DeadLetterRedriveTest {

    private static final String DEAD_LETTERS = "case-service.applications.dlq";

    @Test
    void aDeadLetteredSubmissionIsSentBackOnceAndItsCaseOpens() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String data = EventContracts.example(ApplicationSubmitted.TYPE)
                .replace("5b0e6a2e-7f43-4c1a-9d0e-2f6b1c3a9e10", applicationId);
        deadLetter(applicationId, eventId, data, "Connection refused: 127.0.0.1/127.0.0.1:5432");

        assertThat(deadLetters("list"))
                .contains(ApplicationSubmitted.TYPE + " " + eventId + " from applications — Connection refused");
        assertThat(deadLetters("redrive")).contains(eventId).contains("sent back to the topics they came from");

        String clerk = Journeys.token("clerk.hagen", "Hagen-Demo-2026");
        assertThat(Journeys.awaitCase(clerk, applicationId)).isNotNull();
        assertThat(deadLetters("redrive")).doesNotContain(eventId);
    }

    /** As the consumer's dead-letter strategy wrote it: the original record with the dead-letter-* headers. */
    private static void deadLetter(String applicationId, String eventId, String data, String reason) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", Platform.KAFKA), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTERS, applicationId, data);
            Map.of(
                            "ce_specversion",
                            "1.0",
                            "ce_id",
                            eventId,
                            "ce_type",
                            ApplicationSubmitted.TYPE,
                            "ce_source",
                            "urn:amtsweg:application-service",
                            "ce_correlationid",
                            applicationId,
                            "dead-letter-topic",
                            "applications",
                            "dead-letter-reason",
                            reason,
                            "dead-letter-partition",
                            "0")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static String deadLetters(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        Platform.ROOT.resolve("deploy/local/dead-letters.sh").toString(),
                        command,
                        DEAD_LETTERS)
                .directory(Platform.ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("AMTSWEG_KAFKA", Platform.KAFKA);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
