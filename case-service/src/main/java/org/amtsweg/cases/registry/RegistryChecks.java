package org.amtsweg.cases.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.cases.messaging.Outbox;
import org.amtsweg.cases.messaging.OutboxRelay;
import org.amtsweg.events.RegistryCheckCompleted;
import org.amtsweg.events.Topics;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Register checks (Registerabgleich) of cases: requested with the case, run asynchronously so that a
 * slow register never holds up intake, retried with growing pauses while the register does not
 * answer, and recorded for audit (register, legal basis, purpose, question, answer, time).
 */
@ApplicationScoped
public class RegistryChecks {

    private static final Logger LOG = Logger.getLogger(RegistryChecks.class);

    private final Pool pool;
    private final Registers registers;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final CaseConfig config;
    private final ObjectMapper mapper;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public RegistryChecks(Pool pool, Registers registers, Outbox outbox, OutboxRelay relay, CaseConfig config, ObjectMapper mapper) {
        this.pool = pool;
        this.registers = registers;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.mapper = mapper;
    }

    /** Requests the checks a service needs, in the transaction that opens the case. */
    public Uni<Void> request(SqlConnection connection, UUID caseId, String serviceName, List<String> checks, RegisterQuery query) {
        return Multi.createFrom().iterable(checks)
                .onItem().transformToUniAndConcatenate(register -> {
                    String legalBasis = registers.adapter(register).map(RegisterAdapter::legalBasis).orElse("unbekannt");
                    return connection.preparedQuery("""
                                    INSERT INTO registry_check (id, case_id, register, legal_basis, purpose, request, state, requested_at, next_attempt_at)
                                    VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', now(), now())""")
                            .execute(Tuple.from(new Object[]{UUID.randomUUID(), caseId, register, legalBasis,
                                    "Prüfung der Angaben zur Person und Anschrift für " + serviceName,
                                    new JsonObject(mapper.convertValue(query, java.util.Map.class))}));
                })
                .collect().last()
                .chain(() -> summarise(connection, caseId));
    }

    /** Keeps the case's register summary (shown in the inbox) in step with its checks. */
    private static Uni<Void> summarise(SqlConnection connection, UUID caseId) {
        return connection.preparedQuery("""
                        UPDATE case_file SET registry_summary = (SELECT string_agg(DISTINCT coalesce(result, 'PENDING'), ',')
                            FROM registry_check WHERE case_id = $1) WHERE id = $1""")
                .execute(Tuple.of(caseId)).replaceWithVoid();
    }

    @Scheduled(every = "${amtsweg.cases.registry.poll-interval:2s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Runs due checks soon; runs coalesce. */
    public void nudge() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            requested.set(false);
            runDue().subscribe().with(done -> {
                running.set(false);
                if (done > 0 || requested.get()) {
                    nudge();
                }
            }, failure -> {
                running.set(false);
                LOG.warnf("register checks failed, will retry: %s", failure.getMessage());
            });
        }
    }

    Uni<Integer> runDue() {
        return pool.preparedQuery("""
                        SELECT c.id, c.case_id, c.register, c.legal_basis, c.purpose, c.request::text AS request, c.attempts,
                               f.application_id, f.authority_id
                        FROM registry_check c JOIN case_file f ON f.id = c.case_id
                        WHERE c.state = 'PENDING' AND c.next_attempt_at <= now()
                        ORDER BY c.next_attempt_at LIMIT 64""")
                .execute()
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUni(this::run).merge(16)
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<Void> run(Row check) {
        RegisterQuery query = parse(check.getString("request"));
        Uni<RegisterAnswer> answer = registers.adapter(check.getString("register"))
                .map(adapter -> registers.ask(adapter, query))
                .orElse(Uni.createFrom().item(RegisterAnswer.unavailable("no adapter for " + check.getString("register"))));
        return answer
                .onFailure().recoverWithItem(failure -> RegisterAnswer.unavailable(String.valueOf(failure.getMessage())))
                .chain(result -> "UNAVAILABLE".equals(result.result()) && check.getInteger("attempts") + 1 < config.registry().maxAttempts()
                        ? retryLater(check)
                        : complete(check, result));
    }

    private Uni<Void> retryLater(Row check) {
        int attempts = check.getInteger("attempts") + 1;
        long waitMillis = config.registry().retryBackoff().toMillis() << Math.min(attempts - 1, 10);
        return pool.preparedQuery("""
                        UPDATE registry_check SET attempts = $2, next_attempt_at = now() + ($3 || ' milliseconds')::interval
                        WHERE id = $1 AND state = 'PENDING'""")
                .execute(Tuple.of(check.getUUID("id"), attempts, String.valueOf(waitMillis)))
                .replaceWithVoid();
    }

    private Uni<Void> complete(Row check, RegisterAnswer answer) {
        UUID checkId = check.getUUID("id");
        UUID caseId = check.getUUID("case_id");
        String applicationId = check.getUUID("application_id").toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                UPDATE registry_check SET state = 'DONE', result = $2, differing_fields = $3, response = $4,
                                    attempts = attempts + 1, completed_at = $5
                                WHERE id = $1 AND state = 'PENDING'""")
                        .execute(Tuple.from(new Object[]{checkId, answer.result(), answer.differingFields().toArray(String[]::new),
                                new JsonObject(answer.details()), now}))
                        .chain(updated -> {
                            if (updated.rowCount() == 0) {
                                // Another instance completed this check meanwhile; its record stands.
                                return Uni.createFrom().voidItem();
                            }
                            RegistryCheckCompleted event = new RegistryCheckCompleted(caseId.toString(), applicationId,
                                    check.getString("authority_id"), checkId.toString(), check.getString("register"),
                                    check.getString("legal_basis"), check.getString("purpose"), answer.result(),
                                    answer.differingFields(), now.toInstant());
                            return connection.preparedQuery("""
                                            INSERT INTO case_history (case_id, at, actor, action, detail) VALUES ($1, $2, 'system', 'REGISTRY_CHECK', $3)""")
                                    .execute(Tuple.of(caseId, now, check.getString("register") + ": " + answer.result()))
                                    .chain(() -> summarise(connection, caseId))
                                    .chain(() -> outbox.append(connection, Topics.CASES, applicationId, RegistryCheckCompleted.TYPE, applicationId, event))
                                    .replaceWithVoid();
                        }))
                .invoke(relay::nudge);
    }

    private RegisterQuery parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return new RegisterQuery(node.path("givenName").textValue(), node.path("familyName").textValue(),
                    node.hasNonNull("birthdate") ? LocalDate.parse(node.get("birthdate").asText()) : null,
                    node.path("streetAddress").textValue(), node.path("postalCode").textValue(), node.path("locality").textValue());
        } catch (Exception e) {
            throw new IllegalStateException("stored register query is not JSON", e);
        }
    }
}
