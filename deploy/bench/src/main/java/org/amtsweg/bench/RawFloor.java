package org.amtsweg.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw floor of one application's way through the platform, on the very same PostgreSQL server and
 * broker: per application one transaction inserting a 2 KB JSON row and an outbox row, committed durably
 * (the server's own settings), then one acks=all produce keyed by the id; {@code inFlight} of them at a
 * time. No HTTP, no validation, no second service: what the hardware gives the pattern, so that the
 * platform's figure can be read as a share of it on a noisy machine.
 */
final class RawFloor {

    private static final String TOPIC = "bench-floor";
    private static final String ROW = "{\"bench\":\"" + "x".repeat(2000) + "\"}";

    private RawFloor() {}

    /** Applications per second over {@code count} after {@code warmUp} not measured. */
    static double measure(String adminJdbc, String bootstrap, int inFlight, int warmUp, int count) throws Exception {
        String jdbc = prepareDatabase(adminJdbc);
        prepareTopic(bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            run(jdbc, producer, inFlight, warmUp);
            long begin = System.nanoTime();
            run(jdbc, producer, inFlight, count);
            return count / ((System.nanoTime() - begin) / 1e9);
        }
    }

    private static void run(String jdbc, KafkaProducer<String, String> producer, int inFlight, int count)
            throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        try {
            Parallel.run(inFlight, inFlight, worker -> {
                Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                connections.add(db);
                db.setAutoCommit(false);
                try (PreparedStatement application =
                                db.prepareStatement("INSERT INTO floor_application (id, data) VALUES (?, ?::jsonb)");
                        PreparedStatement outbox = db.prepareStatement(
                                "INSERT INTO floor_outbox (id, aggregate_id, payload) VALUES (?, ?, ?::jsonb)")) {
                    while (left.getAndDecrement() > 0) {
                        UUID id = UUID.randomUUID();
                        application.setObject(1, id);
                        application.setString(2, ROW);
                        application.executeUpdate();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setObject(2, id);
                        outbox.setString(3, ROW);
                        outbox.executeUpdate();
                        db.commit();
                        producer.send(new ProducerRecord<>(TOPIC, id.toString(), ROW))
                                .get();
                    }
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** A topic of its own with as many partitions as the platform's (the broker creates none by itself). */
    private static void prepareTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get();
            }
        }
    }

    /** A database of its own on the same server, made anew for every run. */
    private static String prepareDatabase(String adminJdbc) throws Exception {
        try (Connection admin = DriverManager.getConnection(adminJdbc, "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS amtsweg_bench_floor");
            sql.execute("CREATE DATABASE amtsweg_bench_floor");
        }
        String jdbc = adminJdbc.substring(0, adminJdbc.lastIndexOf('/') + 1) + "amtsweg_bench_floor";
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                Statement sql = db.createStatement()) {
            sql.execute(
                    "CREATE TABLE floor_application (id uuid PRIMARY KEY, data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            sql.execute(
                    "CREATE TABLE floor_outbox (id uuid PRIMARY KEY, aggregate_id uuid NOT NULL, payload jsonb NOT NULL,"
                            + " created_at timestamptz NOT NULL DEFAULT now())");
        }
        return jdbc;
    }

    /**
     * Measures the floor right after a benchmark's run, on the same database server and broker, and prints the run's
     * {@code rate} as a share of it: what this machine gives the pattern at that moment varies from run to run.
     *
     * @param what the measured figure, e.g. "intake's median round"
     */
    static void printShare(String adminJdbc, String bootstrap, int inFlight, String what, double rate)
            throws Exception {
        double floor = measure(adminJdbc, bootstrap, inFlight, 2_000, 10_000);
        System.out.printf(
                "raw floor (one transaction and one acks=all produce per application, %d in flight): %.0f/s;"
                        + " %s %.0f/s = %.0f %% of it%n",
                inFlight, floor, what, rate, 100 * rate / floor);
    }

    /** {@code RawFloor <admin-jdbc-url> <bootstrap> <in-flight> <warm-up> <count>}: the floor alone. */
    public static void main(String[] args) throws Exception {
        double rate = measure(
                args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.out.printf("raw floor: %.0f applications/s%n", rate);
    }
}
