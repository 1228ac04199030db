package org.amtsweg.cases.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import java.util.Optional;
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

    /**
     * The checks a service needs, as the statement that opens a case records them: one register and its
     * legal basis per check, with the purpose and the question (as JSON) they share.
     */
    public record Requests(String[] registers, String[] legalBases, String purpose, String request) {
    }

    public Requests requestsFor(String serviceName, List<String> checks, RegisterQuery query) {
        String[] legalBases = checks.stream()
                .map(register -> registers.adapter(register).map(RegisterAdapter::legalBasis).orElse("unbekannt"))
                .toArray(String[]::new);
        try {
            return new Requests(checks.toArray(String[]::new), legalBases, purpose(serviceName), mapper.writeValueAsString(query));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("register query cannot be written as JSON", e);
        }
    }

    private static String purpose(String serviceName) {
        return "Prüfung der Angaben zur Person und Anschrift für " + serviceName;
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
        Optional<RegisterAdapter> adapter = registers.adapter(check.getString("register"));
        if (adapter.isEmpty()) {
            // Nothing to retry: no register is connected here, the clerk checks by hand.
            return complete(check, RegisterAnswer.unavailable("kein Register angebunden: " + check.getString("register")));
        }
        return registers.ask(adapter.get(), query)
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
        RegistryCheckCompleted event = new RegistryCheckCompleted(caseId.toString(), applicationId,
                check.getString("authority_id"), checkId.toString(), check.getString("register"),
                check.getString("legal_basis"), check.getString("purpose"), answer.result(),
                answer.differingFields(), now.toInstant());
        try {
            return pool.preparedQuery(COMPLETE_CHECK).execute(Tuple.from(new Object[]{checkId, answer.result(),
                            answer.differingFields().toArray(String[]::new), mapper.writeValueAsString(answer.details()), now,
                            check.getString("register") + ": " + answer.result(), caseId,
                            UUID.randomUUID(), Topics.CASES, applicationId, RegistryCheckCompleted.TYPE, mapper.writeValueAsString(event)}))
                    // No row: another instance completed this check meanwhile; its record stands.
                    .invoke(relay::nudge)
                    .replaceWithVoid();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * One statement: the check's record for audit, the case's history entry and register summary, and
     * {@code RegistryCheckCompleted} in the outbox. The summary counts this check's new result itself,
     * since a statement does not see its own updates.
     */
    private static final String COMPLETE_CHECK = """
            WITH done AS (
                UPDATE registry_check SET state = 'DONE', result = $2, differing_fields = $3, response = $4::text::jsonb,
                    attempts = attempts + 1, completed_at = $5
                WHERE id = $1 AND state = 'PENDING'
                RETURNING case_id),
            history AS (
                INSERT INTO case_history (case_id, at, actor, action, detail) SELECT case_id, $5, 'system', 'REGISTRY_CHECK', $6 FROM done),
            summary AS (
                UPDATE case_file SET registry_summary = (
                        SELECT string_agg(DISTINCT coalesce(CASE WHEN c.id = $1 THEN $2 ELSE c.result END, 'PENDING'), ',')
                        FROM registry_check c WHERE c.case_id = $7)
                WHERE id = $7 AND EXISTS (SELECT 1 FROM done)),
            event AS (
                INSERT INTO outbox_event (id, topic, aggregate_id, type, correlation_id, payload)
                SELECT $8, $9, $10, $11, $10, $12::text::jsonb FROM done)
            SELECT case_id FROM done""";

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
