package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.amtsweg.catalog.CatalogCaches;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.feed.ChangeLog;
import org.amtsweg.catalog.form.SchemaCheck;
import org.amtsweg.events.CatalogChanged;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.audit.AuditTrail;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.amtsweg.resourceserver.input.ConstraintViolations;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Changes to the catalogue by administrators. Each change is checked completely before anything is
 * written, then written in one transaction with its audit record, its {@code CatalogChanged} event, its
 * {@code AdministrativeChange} event (the platform's audit trail) and its entry in the feed's change log.
 */
@ApplicationScoped
public class CatalogAdministration {

    private final Pool pool;
    private final LeikaEntries leika;
    private final Validator validator;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final Cache reads;
    private final ChangeLog changes;
    private final AuditTrail audit;

    public CatalogAdministration(
            Pool pool,
            Validator validator,
            Outbox outbox,
            OutboxRelay relay,
            ObjectMapper mapper,
            @CacheName(CatalogCaches.READS) Cache reads,
            ChangeLog changes,
            AuditTrail audit,
            LeikaEntries leika) {
        this.leika = leika;
        this.audit = audit;
        this.reads = reads;
        this.changes = changes;
        this.pool = pool;
        this.validator = validator;
        this.outbox = outbox;
        this.relay = relay;
        this.mapper = mapper;
    }

    /** The violations of a service, before it is written. */
    public List<Violation> check(ServiceInput input) {
        List<Violation> violations = new ArrayList<>(ConstraintViolations.of(validator.validate(input)));
        if (input.booster() != (input.boosterList() != null)
                || (input.boosterList() == null) != (input.boosterPosition() == null)) {
            violations.add(new Violation(
                    "/boosterList",
                    "dependentRequired",
                    "booster, boosterList und boosterPosition gehören zusammen.",
                    "booster, boosterList and boosterPosition go together."));
        }
        if (!"online".equals(input.handling()) && input.handlingUrl() == null && "external".equals(input.handling())) {
            violations.add(new Violation(
                    "/handlingUrl",
                    "required",
                    "Eine extern abgewickelte Leistung braucht die Adresse des Angebots.",
                    "A service handled elsewhere needs the address of the offer."));
        }
        // A null entry or id is already a violation above; it must not also break the duplicate check.
        List<String> ids = input.leikaOrEmpty().stream()
                .filter(Objects::nonNull)
                .map(ServiceInput.LeikaInput::leikaId)
                .filter(Objects::nonNull)
                .toList();
        if (ids.stream().distinct().count() != ids.size()) {
            violations.add(new Violation(
                    "/leika", "uniqueItems", "Eine LeiKa-ID kommt mehrfach vor.", "A LeiKa ID occurs more than once."));
        }
        return violations;
    }

    /** Creates or replaces a service; returns whether it was created. */
    public Uni<Boolean> upsertService(ServiceInput input, String actor) {
        List<Violation> violations = check(input);
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        return pool.withTransaction(connection -> upsert(connection, input, actor))
                .onFailure(PgException.class)
                .transform(CatalogAdministration::conflict)
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    /** Creates or replaces many services at once, all or nothing (bulk import); returns how many were created. */
    public Uni<Integer> importServices(List<ServiceInput> inputs, String actor) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "/services/" + i;
            if (inputs.get(i) == null) {
                violations.add(new Violation(
                        prefix,
                        "required",
                        "Hier fehlt die Leistung (ein Objekt, nicht null).",
                        "The service is missing here (an object, not null)."));
                continue;
            }
            check(inputs.get(i))
                    .forEach(violation -> violations.add(new Violation(
                            prefix + violation.pointer(),
                            violation.keyword(),
                            violation.message(),
                            violation.messageEn())));
        }
        List<String> keys = inputs.stream()
                .filter(Objects::nonNull)
                .map(ServiceInput::key)
                .filter(Objects::nonNull)
                .toList();
        if (keys.stream().distinct().count() != keys.size()) {
            violations.add(new Violation(
                    "/services", "uniqueItems", "Ein Schlüssel kommt mehrfach vor.", "A key occurs more than once."));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        return pool.withTransaction(connection -> Multi.createFrom()
                        .iterable(inputs)
                        .onItem()
                        .transformToUniAndConcatenate(input -> upsert(connection, input, actor))
                        .collect()
                        .asList()
                        .map(created -> (int)
                                created.stream().filter(Boolean::booleanValue).count()))
                .onFailure(PgException.class)
                .transform(CatalogAdministration::conflict)
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    private Uni<Boolean> upsert(SqlConnection connection, ServiceInput input, String actor) {
        return before(connection, """
                        SELECT to_jsonb(s) || jsonb_build_object('leika', coalesce((SELECT jsonb_agg(to_jsonb(l) ORDER BY l.leika_id)
                                FROM leika_entry l WHERE l.service_key = s.key), '[]'::jsonb)) AS row
                        FROM service s WHERE key = $1 FOR UPDATE""", input.key())
                .map(row -> AdministeredShape.of(mapper, row, ServiceInput.class, Map.of("leikaType", "type")))
                .chain(before -> SqlTemplate.forUpdate(connection, UPSERT_SERVICE)
                        .execute(service(input))
                        .chain(() -> leika.replace(connection, input.key(), input.leikaOrEmpty()))
                        .chain(() -> record(
                                connection,
                                actor,
                                "SERVICE",
                                input.key(),
                                before == null ? "CREATED" : "UPDATED",
                                null,
                                before,
                                mapper.valueToTree(input)))
                        .replaceWith(before == null));
    }

    private static final String UPSERT_SERVICE = """
            INSERT INTO service (key, name, short_description, ozg_id, topic, situation, responsibility_levels,
                booster, booster_list, booster_position, efa, efa_operator, efa_kickoff, efa_productive_since,
                priority, priority_note, handling, handling_url, handling_note, minimum_trust_level, registry_checks,
                synonyms, legal_basis, updated_at)
            VALUES (#{key}, #{name}, #{shortDescription}, #{ozgId}, #{topic}, #{situation}, #{responsibilityLevels},
                #{booster}, #{boosterList}, #{boosterPosition}, #{efa}, #{efaOperator}, #{efaKickoff},
                #{efaProductiveSince}, #{priority}, #{priorityNote}, #{handling}, #{handlingUrl}, #{handlingNote},
                #{minimumTrustLevel}, #{registryChecks}, #{synonyms}, #{legalBasis}, now())
            ON CONFLICT (key) DO UPDATE SET name = excluded.name, short_description = excluded.short_description,
                ozg_id = excluded.ozg_id, topic = excluded.topic, situation = excluded.situation,
                responsibility_levels = excluded.responsibility_levels, booster = excluded.booster,
                booster_list = excluded.booster_list, booster_position = excluded.booster_position, efa = excluded.efa,
                efa_operator = excluded.efa_operator, efa_kickoff = excluded.efa_kickoff,
                efa_productive_since = excluded.efa_productive_since, priority = excluded.priority,
                priority_note = excluded.priority_note, handling = excluded.handling,
                handling_url = excluded.handling_url,
                handling_note = excluded.handling_note, minimum_trust_level = excluded.minimum_trust_level,
                registry_checks = excluded.registry_checks, synonyms = excluded.synonyms,
                legal_basis = excluded.legal_basis, updated_at = now()""";

    private static Map<String, Object> service(ServiceInput input) {
        Map<String, Object> service = new HashMap<>();
        service.put("key", input.key());
        service.put("name", input.name());
        service.put("shortDescription", input.shortDescription());
        service.put("ozgId", input.ozgId());
        service.put("topic", input.topic());
        service.put("situation", input.situation());
        service.put("responsibilityLevels", strings(input.responsibilityLevels()));
        service.put("booster", input.booster());
        service.put("boosterList", input.boosterList());
        service.put("boosterPosition", input.boosterPosition());
        service.put("efa", input.efa());
        service.put("efaOperator", input.efaOperator());
        service.put("efaKickoff", input.efaKickoff());
        service.put("efaProductiveSince", input.efaProductiveSince());
        service.put("priority", input.priority());
        service.put("priorityNote", input.priorityNote());
        service.put("handling", input.handling());
        service.put("handlingUrl", input.handlingUrl());
        service.put("handlingNote", input.handlingNote());
        service.put("minimumTrustLevel", input.minimumTrustLevel());
        service.put("registryChecks", strings(input.registryChecks()));
        service.put("synonyms", strings(input.synonyms()));
        service.put("legalBasis", input.legalBasis());
        return service;
    }

    /** Publishes a new form version after checking its schema against the JSON Schema 2020-12 meta-schema. */
    public Uni<Integer> publishForm(String serviceKey, JsonNode schema, JsonNode presentation, String actor) {
        List<Violation> violations = new ArrayList<>();
        if (schema == null || !schema.isObject()) {
            violations.add(new Violation(
                    "/schema",
                    "required",
                    "Das Formular braucht ein JSON Schema (Objekt).",
                    "The form needs a JSON Schema (an object)."));
        } else {
            SchemaCheck.violations(schema)
                    .forEach(violation -> violations.add(new Violation(
                            "/schema" + violation.pointer(),
                            violation.keyword(),
                            violation.message(),
                            violation.messageEn())));
            if (!"https://json-schema.org/draft/2020-12/schema"
                    .equals(schema.path("$schema").asText())) {
                violations.add(new Violation(
                        "/schema/$schema",
                        "const",
                        "Das Schema muss JSON Schema 2020-12 deklarieren.",
                        "The schema must declare JSON Schema 2020-12."));
            }
        }
        if (presentation == null || !presentation.isObject()) {
            violations.add(new Violation(
                    "/presentation",
                    "required",
                    "Die Darstellungshinweise fehlen (Objekt).",
                    "The presentation hints are missing (an object)."));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT key FROM service WHERE key = $1 FOR UPDATE")
                        .execute(Tuple.of(serviceKey))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw Problems.notFound("Es gibt keine Leistung mit dem Schlüssel " + serviceKey + ".");
                            }
                            return connection
                                    .preparedQuery("""
                                            INSERT INTO form_version (service_key, version, schema, presentation, published_by)
                                            SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM form_version WHERE service_key = $1
                                            RETURNING version""")
                                    .execute(Tuple.of(
                                            serviceKey,
                                            new JsonObject(schema.toString()),
                                            new JsonObject(presentation.toString()),
                                            actor));
                        })
                        .chain(rows -> {
                            int version = rows.iterator().next().getInteger("version");
                            ObjectNode published = mapper.createObjectNode().put("version", version);
                            published.set("schema", schema);
                            published.set("presentation", presentation);
                            return record(connection, actor, "FORM", serviceKey, "PUBLISHED", null, null, published)
                                    .replaceWith(version);
                        }))
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    /**
     * Writes what a change leaves behind, in the change's transaction: the audit record, the {@code CatalogChanged} event,
     * the {@code AdministrativeChange} event on the administration topic and the feed's change log.
     *
     * @param entity    {@code SERVICE}, {@code FORM}, {@code AUTHORITY}, {@code RESPONSIBILITY}, {@code AVAILABILITY}, {@code PLACE}
     * @param change    {@code CREATED}, {@code UPDATED} or {@code PUBLISHED} (a form version is created)
     * @param authority the authority the entity belongs to, null for the catalogue's own entities (services, forms, places)
     * @param before    the entity in the administration API's shape, null before its creation
     * @param after     the same after the change
     */
    Uni<Void> record(
            SqlConnection connection,
            String actor,
            String entity,
            String entityId,
            String change,
            String authority,
            JsonNode before,
            JsonNode after) {
        Instant now = Instant.now();
        String action = switch (change) {
            case "CREATED", "PUBLISHED" -> "created";
            case "DELETED" -> "deleted";
            default -> "updated";
        };
        return connection
                .preparedQuery(
                        "INSERT INTO catalog_audit (actor, entity, entity_id, change, before, after) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {actor, entity, entityId, change, json(before), json(after)}))
                .chain(() -> outbox.append(
                        connection,
                        Topics.CATALOG,
                        entityId,
                        CatalogChanged.TYPE,
                        entity + ":" + entityId,
                        new CatalogChanged(entity, entityId, change, actor, now)))
                .chain(() -> audit.record(
                        connection,
                        entity.toLowerCase(Locale.ROOT),
                        entityId,
                        authority,
                        action,
                        actor,
                        now,
                        before,
                        after))
                .chain(() -> changes.afterChange(connection, entity, entityId))
                .replaceWithVoid();
    }

    Uni<JsonNode> before(SqlConnection connection, String sql, String id) {
        return before(connection, sql, Tuple.of(id));
    }

    /** The row the statement selects as JSON (column {@code row}), null when there is none. */
    Uni<JsonNode> before(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            try {
                return mapper.readTree(rows.iterator().next().getValue("row").toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonObject json(JsonNode node) {
        return node == null ? null : new JsonObject(node.toString());
    }

    private static String[] strings(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /**
     * A unique key taken by another entry is the administrator's mistake, not the server's. Said in the
     * catalogue's terms, by the constraint that refused it: the database's own detail names tables and columns.
     */
    private static Throwable conflict(Throwable failure) {
        if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            String constraint = String.valueOf(pg.getConstraint());
            if (constraint.startsWith("leika_entry")) {
                return Problems.conflict(
                        "Eine der LeiKa-IDs gehört schon zu einer anderen Leistung; nichts wurde geändert.");
            }
            if (constraint.equals("service_booster_position")) {
                return Problems.conflict(
                        "Diesen Platz der Booster-Liste hat schon eine andere Leistung; nichts wurde geändert.");
            }
            return Problems.conflict(
                    "Ein Wert, den es nur einmal geben darf, ist schon vergeben; nichts wurde geändert.");
        }
        if (failure instanceof PgException pg && "23503".equals(pg.getSqlState())) {
            return Problems.conflict("Ein Verweis zeigt auf nichts Vorhandenes; nichts wurde geändert.");
        }
        return failure;
    }
}
