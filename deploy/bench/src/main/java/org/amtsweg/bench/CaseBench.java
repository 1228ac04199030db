package org.amtsweg.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for deploy/bench/cases.sh (a benchmark, not a test):
 *
 *   load   <jdbc-url> <count>          generated cases straight into case-service's database; prints a deep-page cursor
 *   intake <bootstrap> <jdbc-url> <n> [admin-jdbc-url]  n ApplicationSubmitted events on the topic; prints cases/s until all
 *       are opened and checked, and with the admin URL the raw floor on the same database server and broker and the share
 */
public final class CaseBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]));
            case "intake" -> intake(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : null);
            default -> throw new IllegalArgumentException("load | intake");
        }
    }

    /** Half of the cases belong to Hagen, the rest to nine other authorities; opened over the last year. */
    static void load(String url, int count) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.execute("""
                    INSERT INTO case_file (id, application_id, reference_number, authority_id, service_key, service_name, form_version, status,
                        applicant, data, attachments, submitted_at, opened_at, updated_at)
                    SELECT gen_random_uuid(), gen_random_uuid(), 'BM-2026-' || lpad(i::text, 7, '0'),
                           CASE WHEN i % 2 = 0 THEN 'stadt-hagen' ELSE 'bench-authority-' || (i % 9) END,
                           (ARRAY['wohngeld', 'ummeldung', 'meldebescheinigung'])[1 + i % 3], 'Wohngeld digital', 1,
                           (ARRAY['RECEIVED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'DECIDED'])[1 + i % 4],
                           jsonb_build_object('subject', 'bench-' || i, 'givenName', 'Erika', 'familyName', 'Muster' || i, 'trustLevel', 'high'),
                           jsonb_build_object('wohnung', jsonb_build_object('bruttokaltmiete_eur', 400 + i % 500)),
                           '[]'::jsonb, now() - (i || ' seconds')::interval * 30, now() - (i || ' seconds')::interval * 30, now()
                    FROM generate_series(1, COUNT) AS i""".replace("COUNT", String.valueOf(count)));
            sql.execute("ANALYZE case_file");
            System.out.printf("loaded %d cases in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
            try (ResultSet deep = sql.executeQuery("""
                    SELECT opened_at, id FROM case_file WHERE authority_id = 'stadt-hagen'
                    ORDER BY opened_at DESC, id DESC OFFSET DEPTH LIMIT 1""".replace("DEPTH", String.valueOf(count / 4)))) {
                deep.next();
                String cursor = deep.getObject("opened_at", OffsetDateTime.class) + "|" + deep.getString("id");
                System.out.println("cursor="
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(cursor.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    static void intake(String bootstrap, String url, int count, String adminJdbc) throws Exception {
        String example = """
                {"applicationId":"%s","referenceNumber":"HA-2026-%06d","serviceKey":"wohngeld","serviceName":"Wohngeld digital","ozgId":"10092",
                 "leikaIds":[],"formVersion":1,"authorityId":"stadt-hagen","applicant":{"subject":"bench","givenName":"Erika","familyName":"Mustermann",
                 "birthdate":"1964-08-12","address":{"streetAddress":"Rathausstraße 11","postalCode":"58095","locality":"Hagen","country":"DE"},
                 "municipality":"05914000","trustLevel":"high"},"data":{"wohnung":{"bruttokaltmiete_eur":650.0}},"attachments":[],
                 "registryChecks":["RESIDENT_REGISTER"],"submittedAt":"2026-11-29T10:15:30Z"}""";
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class))) {
            long before = count(db, "SELECT count(*) FROM registry_check WHERE state = 'DONE'");
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ProducerRecord<String, String> record =
                        new ProducerRecord<>("applications", id, example.formatted(id, i));
                record.headers()
                        .add(new RecordHeader("ce_specversion", bytes("1.0")))
                        .add(new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())))
                        .add(new RecordHeader("ce_type", bytes("ApplicationSubmitted")))
                        .add(new RecordHeader("ce_source", bytes("urn:amtsweg:bench")))
                        .add(new RecordHeader("ce_correlationid", bytes(id)))
                        .add(new RecordHeader("content-type", bytes("application/json")));
                producer.send(record);
            }
            producer.flush();
            double published = (System.nanoTime() - started) / 1e9;
            while (count(db, "SELECT count(*) FROM registry_check WHERE state = 'DONE'") - before < count) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "published %d ApplicationSubmitted in %.1f s; all cases opened and checked after %.1f s: %.0f cases/s%n",
                    count, published, seconds, count / seconds);
            if (adminJdbc != null) {
                RawFloor.printShare(adminJdbc, bootstrap, 32, "case intake", count / seconds);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
