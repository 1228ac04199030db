package org.amtsweg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What became of the applications the portals were given a reference number for, read where it is kept:
 * intake's and case-service's databases, and the citizen's own view through intake's API. Lost: intake no
 * longer holds the submission the citizen was told about. Stuck: held, but without its case, its register
 * check or the citizen's status {@code RECEIVED}. Duplicated: two numbers for one application, one number
 * for two cases, or two cases for one application.
 */
final class JourneyAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The outboxes of the four services, each in its own database. */
    static final List<String> DATABASES =
            List.of("amtsweg_identity", "amtsweg_catalog", "amtsweg_application", "amtsweg_case");

    /** An application's state in intake's database and, once opened, its case in case-service's. */
    record Journey(String status, String reference, int cases, String caseReference, int checks, int checksDone) {
        boolean complete() {
            return !"DRAFT".equals(status)
                    && !"SUBMITTED".equals(status)
                    && cases == 1
                    && checks > 0
                    && checks == checksDone;
        }
    }

    private final String jdbc;

    /** @param jdbc the server's address, {@code jdbc:postgresql://host:port/}, to which the database names are appended */
    JourneyAudit(String jdbc) {
        this.jdbc = jdbc;
    }

    /** Each application's journey so far, by id; an id intake does not know is missing. */
    Map<String, Journey> journeys(Collection<String> ids) throws Exception {
        Map<String, String[]> intake = new HashMap<>();
        try (Connection db = connect("amtsweg_application");
                PreparedStatement query = db.prepareStatement(
                        "SELECT id::text, status, reference_number FROM application WHERE id = ANY (?)")) {
            query.setArray(
                    1,
                    db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    intake.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        Map<String, List<Object[]>> cases = new HashMap<>();
        try (Connection db = connect("amtsweg_case");
                PreparedStatement query = db.prepareStatement("""
                SELECT c.application_id::text, c.reference_number, count(r.id), count(r.id) FILTER (WHERE r.state = 'DONE')
                FROM case_file c LEFT JOIN registry_check r ON r.case_id = c.id
                WHERE c.application_id = ANY (?) GROUP BY c.id""")) {
            query.setArray(
                    1,
                    db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(new Object[] {rows.getString(2), rows.getInt(3), rows.getInt(4)});
                }
            }
        }
        Map<String, Journey> journeys = new LinkedHashMap<>();
        for (String id : ids) {
            String[] application = intake.get(id);
            if (application == null) {
                continue;
            }
            List<Object[]> opened = cases.getOrDefault(id, List.of());
            Object[] first = opened.isEmpty() ? new Object[] {null, 0, 0} : opened.get(0);
            journeys.put(
                    id,
                    new Journey(application[0], application[1], opened.size(), (String) first[0], (int) first[1], (int)
                            first[2]));
        }
        return journeys;
    }

    /**
     * Reference numbers of these applications' cases that more than one case carries, each case opened for an
     * application this platform's intake holds (another of intake's applications with the same number counts too).
     * A case of an application intake never held is not this platform's: the modules' own tests publish onto the
     * same broker's topics with numbers from their own databases, and some publish the contract's example event
     * with its fixed number on purpose.
     */
    List<String> referencesOnSeveralCases(Collection<String> ids) throws Exception {
        Map<String, List<UUID>> casesByReference = new HashMap<>();
        try (Connection db = connect("amtsweg_case");
                PreparedStatement query = db.prepareStatement("""
                     SELECT reference_number, application_id FROM case_file
                     WHERE reference_number IN (SELECT reference_number FROM case_file WHERE application_id = ANY (?))""")) {
            query.setArray(
                    1,
                    db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    casesByReference
                            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getObject(2, UUID.class));
                }
            }
        }
        Set<UUID> intakeHolds = new HashSet<>();
        try (Connection db = connect("amtsweg_application");
                PreparedStatement query = db.prepareStatement("SELECT id FROM application WHERE id = ANY (?)")) {
            query.setArray(
                    1,
                    db.createArrayOf(
                            "uuid",
                            casesByReference.values().stream()
                                    .flatMap(List::stream)
                                    .distinct()
                                    .toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    intakeHolds.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return casesByReference.entrySet().stream()
                .filter(cases ->
                        cases.getValue().stream().filter(intakeHolds::contains).count() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Events still waiting in the four outboxes. */
    long outboxes() throws Exception {
        long waiting = 0;
        for (String database : DATABASES) {
            waiting += single(database, "SELECT count(*) FROM outbox_event");
        }
        return waiting;
    }

    /** The status and reference number the citizen sees for each application through intake's API, by id. */
    static Map<String, String> citizensView(
            HttpClient http, String application, Supplier<String> citizen, List<String> ids) throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        Parallel.run(ids.size(), 8, i -> {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(application + "/applications/" + ids.get(i)))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + citizen.get())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode view = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
            seen.put(
                    ids.get(i),
                    view == null
                            ? "HTTP " + answer.statusCode()
                            : view.path("status").asText() + " "
                                    + view.path("referenceNumber").asText());
        });
        return seen;
    }

    private long single(String database, String sql) throws Exception {
        try (Connection db = connect(database);
                ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection(jdbc + database, "postgres", "");
    }
}
