package org.amtsweg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a fault scenario does to the platform in the middle of the stream: the part it kills with SIGKILL
 * (or the poison it writes onto the topics), how the part comes back — a step of the caller's, such as
 * {@code services.sh start NAME}, or nothing when {@code platform.sh}'s supervisor restarts what died —
 * and how to tell that it is back. Also the dead letters the scenario may leave: none, except poison's.
 */
public final class Fault {

    /** A step that may fail, e.g. running a script. */
    public interface Step {
        void run() throws Exception;
    }

    private static final HttpClient READINESS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Nothing to do: the supervisor brings the part back. */
    public static final Step SUPERVISOR = () -> {};

    final String name;
    final Step inject;
    final Step restore;
    final BooleanSupplier back;
    final Map<String, Long> deadLetters;
    /** Services (their base URLs) that must stay ready while the part is away. */
    final List<String> staysReady;

    private Fault(
            String name,
            Step inject,
            Step restore,
            BooleanSupplier back,
            Map<String, Long> deadLetters,
            List<String> staysReady) {
        this.name = name;
        this.inject = inject;
        this.restore = restore;
        this.back = back;
        this.deadLetters = deadLetters;
        this.staysReady = staysReady;
    }

    /** kill -9 of a service's JVM (its pid file as services.sh writes it); back when it is ready again. */
    public static Fault killService(String service, Path pidFile, String baseUrl, Step restore) {
        return new Fault(
                "kill -9 " + service,
                () -> kill(Long.parseLong(Files.readString(pidFile).trim())),
                restore,
                () -> ready(baseUrl),
                Map.of(),
                List.of());
    }

    /**
     * kill -9 of the Kafka broker (its pid file as infra.sh writes it); back when it serves the platform's topics
     * again (every partition answers for its offsets: a broker that restarted after a crash listens some seconds
     * before it leads its partitions). The services named ({@code staysReady}, base URLs) must stay ready
     * meanwhile: their writes go to their outboxes.
     */
    public static Fault killBroker(Path pidFile, String bootstrap, Step restore, String... staysReady) {
        Admin[] admin = new Admin[1];
        return new Fault(
                "kill -9 broker",
                () -> {
                    admin[0] = Admin.create(Map.of(
                            "bootstrap.servers",
                            bootstrap,
                            "request.timeout.ms",
                            1000,
                            "default.api.timeout.ms",
                            2000));
                    kill(Long.parseLong(Files.readString(pidFile).trim()));
                },
                restore,
                () -> serves(admin[0]),
                Map.of(),
                List.of(staysReady));
    }

    /**
     * kill -9 of PostgreSQL's postmaster (the first line of {@code postmaster.pid} in its data directory); its
     * backends end by themselves once it is gone. Back when it accepts a query again.
     */
    public static Fault killPostgres(Path dataDirectory, String adminJdbc, Step restore) {
        return new Fault(
                "kill -9 PostgreSQL's postmaster",
                () -> kill(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                        .get(0)
                        .trim())),
                restore,
                () -> {
                    try (var connection = DriverManager.getConnection(adminJdbc, "postgres", "")) {
                        return connection.createStatement().execute("SELECT 1");
                    } catch (Exception notYet) {
                        return false;
                    }
                },
                Map.of(),
                List.of());
    }

    /**
     * Poison on both topics the platform consumes: a record that is no CloudEvent and one whose data does not
     * fit its contract, on {@code applications} and on {@code cases}. Each must land on its consumer's
     * dead-letter topic, once, while the stream goes on.
     */
    public static Fault poison(String bootstrap) {
        return new Fault(
                "poison records on both topics",
                () -> {
                    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                            new StringSerializer(),
                            new StringSerializer())) {
                        for (String[] topicAndType :
                                new String[][] {{"applications", "ApplicationSubmitted"}, {"cases", "CaseOpened"}}) {
                            producer.send(new ProducerRecord<>(
                                            topicAndType[0], "poison-" + UUID.randomUUID(), "no envelope at all"))
                                    .get();
                            ProducerRecord<String, String> unfit = new ProducerRecord<>(
                                    topicAndType[0], UUID.randomUUID().toString(), "[\"not\", \"an\", \"event\"]");
                            Map.of(
                                            "ce_specversion",
                                            "1.0",
                                            "ce_id",
                                            UUID.randomUUID().toString(),
                                            "ce_type",
                                            topicAndType[1],
                                            "ce_source",
                                            "urn:amtsweg:faults-bench",
                                            "content-type",
                                            "application/json")
                                    .forEach((header, value) ->
                                            unfit.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
                            producer.send(unfit).get();
                        }
                    }
                },
                () -> {},
                () -> true,
                Map.of("case-service.applications.dlq", 2L, "application-service.cases.dlq", 2L),
                List.of());
    }

    /** Whether the service at {@code baseUrl} answers its readiness check with 200. */
    static boolean ready(String baseUrl) {
        try {
            return READINESS
                            .send(
                                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void kill(long pid) throws InterruptedException {
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid + " to kill"));
        // SIGKILL: no shutdown hook, no clean close, as a crash or the OOM killer would do it.
        process.destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Whether every partition of the platform's two topics answers for its latest offset. */
    private static boolean serves(Admin admin) {
        try {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of("applications", "cases"))
                    .allTopicNames()
                    .get(2, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p ->
                                    partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(partitions).all().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }
}
