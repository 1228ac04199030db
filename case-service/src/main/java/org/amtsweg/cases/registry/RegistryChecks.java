package org.amtsweg.cases.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.amtsweg.cases.CaseConfig;
import org.amtsweg.events.RegistryCheckCompleted;
import org.amtsweg.events.Topics;
import org.amtsweg.messaging.CoalescingRun;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxEvent;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.jboss.logging.Logger;

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
    /** Runs due checks; a round that did something is followed at once by the next. */
    private final CoalescingRun rounds = new CoalescingRun(LOG, "register checks", this::runDue, done -> done > 0);
    /** The ids of the checks of cases just opened, until a run asks for them. */
    private final Queue<UUID> opened = new ConcurrentLinkedQueue<>();
    /**
     * Drain {@link #opened}, each again at once while ids are waiting. Three, so that under a backlog one run's lookup, the
     * registers' answers and another's statement overlap (one alone bounded a backlog at 1,600 cases/s, against 2,300 with
     * a run per poll); when little comes, the first takes what there is and the others find nothing and ask nothing.
     */
    private final List<CoalescingRun> openedRuns = IntStream.range(0, 3)
            .mapToObj(run -> new CoalescingRun(
                    LOG, "register checks of opened cases", this::askOpened, asked -> !opened.isEmpty()))
            .toList();

    public RegistryChecks(
            Pool pool, Registers registers, Outbox outbox, OutboxRelay relay, CaseConfig config, ObjectMapper mapper) {
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
    public record Requests(String[] registers, String[] legalBases, String purpose, String request) {}

    public Requests requestsFor(String serviceName, List<String> checks, RegisterQuery query) {
        String[] legalBases = checks.stream()
                .map(register -> registers
                        .adapter(register)
                        .map(RegisterAdapter::legalBasis)
                        .orElse("unbekannt"))
                .toArray(String[]::new);
        try {
            return new Requests(
                    checks.toArray(String[]::new), legalBases, purpose(serviceName), mapper.writeValueAsString(query));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("register query cannot be written as JSON", e);
        }
    }

    private static String purpose(String serviceName) {
        return "Prüfung der Angaben zur Person und Anschrift für " + serviceName;
    }

    /**
     * The sweep: checks whose first attempt was not made right after their case was opened (the service stopped in between:
     * a new check is due only {@code amtsweg.cases.registry.sweep-after} after it was requested) and checks waiting for a retry.
     */
    @Scheduled(
            every = "${amtsweg.cases.registry.poll-interval:2s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        rounds.nudge();
    }

    /**
     * Has the registers asked soon for the checks of cases a committed transaction has just opened, without a scan for due
     * checks: under load such a scan, run round after round, walked the index entries of every check completed while the
     * intake's transactions were still open (they keep PostgreSQL from marking them dead) and became the intake's bottleneck.
     * The ids wait in a queue that a few runs drain, so that under load a run asks for the checks of several polls in
     * one lookup and records them in one statement. Checks the transaction did not commit do not exist and are not asked.
     */
    public void askNow(Collection<UUID> checks) {
        if (!checks.isEmpty()) {
            opened.addAll(checks);
            openedRuns.forEach(CoalescingRun::nudge);
        }
    }

    private Uni<Integer> askOpened() {
        List<UUID> ids = new ArrayList<>();
        for (UUID id = opened.poll(); id != null; id = ids.size() < 256 ? opened.poll() : null) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Should this fail (the database away), nothing is lost: the sweep asks these checks once they are due.
        return pool.preparedQuery(PENDING + " WHERE c.id = ANY($1) AND c.state = 'PENDING'")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .chain(checks -> askAndSettle(checks, true));
    }

    private static final String PENDING = """
            SELECT c.id, c.case_id, c.register, c.legal_basis, c.purpose, c.request::text AS request, c.attempts,
                   f.application_id, f.authority_id
            FROM registry_check c JOIN case_file f ON f.id = c.case_id""";

    Uni<Integer> runDue() {
        return pool.preparedQuery(
                        PENDING
                                + " WHERE c.state = 'PENDING' AND c.next_attempt_at <= now() ORDER BY c.next_attempt_at LIMIT 64")
                .execute()
                .chain(checks -> askAndSettle(checks, false));
    }

    /**
     * @param afterOpening the checks of cases whose {@code CaseOpened} is out (askNow is called once it is): their answers
     *     are sent right after they are recorded. Others (a retry, a check the sweep found) go through the outbox sweep, in
     *     the order of the outbox, behind an opening that may still wait there.
     */
    private Uni<Integer> askAndSettle(RowSet<Row> checks, boolean afterOpening) {
        return Multi.createFrom()
                .iterable(checks)
                .onItem()
                .transformToUni(this::ask)
                .merge(16)
                .collect()
                .asList()
                .chain(outcomes -> settle(outcomes, afterOpening))
                .replaceWith(checks.size());
    }

    /** A register's answer to one pending check; {@code retryable} unless no register is connected at all. */
    private record Outcome(Row check, RegisterAnswer answer, boolean retryable) {}

    private Uni<Outcome> ask(Row check) {
        Optional<RegisterAdapter> adapter = registers.adapter(check.getString("register"));
        if (adapter.isEmpty()) {
            // Nothing to retry: no register is connected here, the clerk checks by hand.
            return Uni.createFrom()
                    .item(new Outcome(
                            check,
                            RegisterAnswer.unavailable("kein Register angebunden: " + check.getString("register")),
                            false));
        }
        return registers
                .ask(adapter.get(), parse(check.getString("request")))
                .onFailure()
                .recoverWithItem(failure -> RegisterAnswer.unavailable(String.valueOf(failure.getMessage())))
                .map(answer -> new Outcome(check, answer, true));
    }

    /** Answers are recorded together, in one statement; a register that did not answer is asked again later. */
    private Uni<Void> settle(List<Outcome> outcomes, boolean afterOpening) {
        Map<Boolean, List<Outcome>> askAgain = outcomes.stream()
                .collect(Collectors.partitioningBy(outcome -> outcome.retryable()
                        && outcome.answer().result() == RegisterResult.UNAVAILABLE
                        && outcome.check().getInteger("attempts") + 1
                                < config.registry().maxAttempts()));
        List<Outcome> again = askAgain.get(true);
        List<Outcome> answered = askAgain.get(false);
        Uni<Void> retries = again.isEmpty()
                ? Uni.createFrom().voidItem()
                : Multi.createFrom()
                        .iterable(again)
                        .onItem()
                        .transformToUni(outcome -> retryLater(outcome.check()))
                        .merge(16)
                        .collect()
                        .asList()
                        .replaceWithVoid();
        return retries.chain(() -> answered.isEmpty() ? Uni.createFrom().voidItem() : complete(answered, afterOpening));
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

    private Uni<Void> complete(List<Outcome> answered, boolean afterOpening) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<CompletedCheck> completed = answered.stream()
                .map(outcome -> {
                    Row check = outcome.check();
                    RegisterAnswer answer = outcome.answer();
                    String applicationId = check.getUUID("application_id").toString();
                    return new CompletedCheck(
                            check.getUUID("id"),
                            answer.result().name(),
                            answer.differingFields(),
                            answer.details(),
                            check.getString("register") + ": " + answer.result(),
                            UUID.randomUUID(),
                            applicationId,
                            outbox.json(new RegistryCheckCompleted(
                                    check.getUUID("case_id").toString(),
                                    applicationId,
                                    check.getString("authority_id"),
                                    check.getUUID("id").toString(),
                                    check.getString("register"),
                                    check.getString("legal_basis"),
                                    check.getString("purpose"),
                                    answer.result().name(),
                                    answer.differingFields(),
                                    now.toInstant())));
                })
                .toList();
        Map<String, Object> round = Map.of(
                "answers",
                outbox.json(completed),
                "at",
                now,
                "topic",
                Topics.CASES,
                "eventType",
                RegistryCheckCompleted.TYPE);
        if (afterOpening) {
            // Before the rows are written: a sweep in between leaves them to this round.
            completed.forEach(check -> relay.expect(check.eventId()));
        }
        return pool.withConnection(connection ->
                        SqlTemplate.forQuery(connection, COMPLETE_CHECKS).execute(round))
                .onFailure()
                .invoke(() -> completed.forEach(check -> relay.forget(check.eventId())))
                .invoke(recorded -> {
                    if (!afterOpening) {
                        relay.nudge();
                        return;
                    }
                    Set<UUID> written = new HashSet<>();
                    recorded.forEach(row -> written.add(row.getUUID("event_id")));
                    for (CompletedCheck check : completed) {
                        if (written.contains(check.eventId())) {
                            relay.publishCommitted(new OutboxEvent(
                                    check.eventId(),
                                    Topics.CASES,
                                    check.aggregateId(),
                                    RegistryCheckCompleted.TYPE,
                                    check.aggregateId(),
                                    check.payload(),
                                    now));
                        } else {
                            // Another instance completed it meanwhile; its record and event stand.
                            relay.forget(check.eventId());
                        }
                    }
                })
                .replaceWithVoid();
    }

    /** One answered check as the statement reads it: one JSON array of these, instead of a column array per field. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CompletedCheck(
            UUID checkId,
            String result,
            List<String> differing,
            Map<String, Object> response,
            String detail,
            UUID eventId,
            String aggregateId,
            String payload) {}

    /**
     * One statement for a round of answers: each check's record for audit, its case's history entry and
     * register summary, and its {@code RegistryCheckCompleted} in the outbox. The summary takes this
     * round's new results from the input, since a statement does not see its own updates.
     */
    private static final String COMPLETE_CHECKS = """
            WITH answer AS (
                SELECT * FROM jsonb_to_recordset(#{answers}::text::jsonb)
                    AS a(check_id uuid, result text, differing jsonb, response jsonb, detail text, event_id uuid, aggregate_id text, payload text)),
            done AS (
                UPDATE registry_check c SET state = 'DONE', result = a.result,
                    differing_fields = ARRAY(SELECT jsonb_array_elements_text(a.differing)),
                    response = a.response, attempts = c.attempts + 1, completed_at = #{at}
                FROM answer a
                WHERE c.id = a.check_id AND c.state = 'PENDING'
                RETURNING c.id, c.case_id, a.result, a.detail, a.event_id, a.aggregate_id, a.payload),
            history AS (
                INSERT INTO case_history (case_id, at, actor, action, detail) SELECT case_id, #{at}, 'system', 'REGISTRY_CHECK', detail FROM done),
            summary AS (
                UPDATE case_file f SET registry_summary = (
                        SELECT string_agg(DISTINCT coalesce(d.result, c.result, 'PENDING'), ',')
                        FROM registry_check c LEFT JOIN done d ON d.id = c.id WHERE c.case_id = f.id)
                WHERE f.id IN (SELECT case_id FROM done)),
            event AS (
                """ + Outbox.INSERT_INTO + """
                SELECT event_id, #{topic}, aggregate_id, #{eventType}, aggregate_id, payload::jsonb, #{at} FROM done)
            SELECT event_id FROM done""";

    private RegisterQuery parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return new RegisterQuery(
                    node.path("givenName").textValue(),
                    node.path("familyName").textValue(),
                    node.hasNonNull("birthdate")
                            ? LocalDate.parse(node.get("birthdate").asText())
                            : null,
                    node.path("streetAddress").textValue(),
                    node.path("postalCode").textValue(),
                    node.path("locality").textValue());
        } catch (Exception e) {
            throw new IllegalStateException("stored register query is not JSON", e);
        }
    }
}
