package org.amtsweg.application.mailbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.application.catalog.Catalog;
import org.amtsweg.application.documents.BrandedPdf;
import org.amtsweg.messaging.CoalescingRun;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The documents of decision notices (Bescheide). Each is rendered once, soon after the decision
 * arrives, in the deciding authority's corporate identity of that moment, and kept: the citizen
 * downloads the same document every time, whatever the authority changes later. A catalogue that
 * does not answer only delays rendering; the job tries again.
 */
@ApplicationScoped
public class NoticeDocuments {

    private static final Logger LOG = Logger.getLogger(NoticeDocuments.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Berlin"));

    private final Pool pool;
    private final Catalog catalog;
    /** Another round at once after a full one (twenty notices); rounds requested meanwhile coalesce. */
    private final CoalescingRun rounds = new CoalescingRun(LOG, "rendering decision notices", this::renderRound, rendered -> rendered == 20);

    public NoticeDocuments(Pool pool, Catalog catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /** The notice's document: the kept one, or rendered now and kept (if two render at once, the first kept wins). */
    public Uni<byte[]> document(UUID messageId) {
        return pool.preparedQuery("""
                        SELECT m.id, m.document, m.body, m.outcome, m.reasoning, coalesce(m.issued_at, m.created_at) AS issued_at,
                               a.authority_id, a.reference_number, a.service_name
                        FROM mailbox_message m JOIN application a ON a.id = m.application_id
                        WHERE m.id = $1 AND m.kind = 'DECISION'""")
                .execute(Tuple.of(messageId))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getBuffer("document") != null) {
                        return Uni.createFrom().item(row.getBuffer("document").getBytes());
                    }
                    return catalog.letterhead(row.getString("authority_id")).map(letterhead -> BrandedPdf.of(letterhead, "Bescheid")
                                    .line("Datum", DATE.format(row.getOffsetDateTime("issued_at")))
                                    .line("Leistung", row.getString("service_name"))
                                    .line("Aktenzeichen", row.getString("reference_number"))
                                    .line("Entscheidung", outcome(row.getString("outcome")))
                                    .paragraph(row.getString("body"))
                                    .line("Begründung", row.getString("reasoning"))
                                    .render())
                            .chain(rendered -> keep(messageId, rendered));
                });
    }

    private Uni<byte[]> keep(UUID messageId, byte[] rendered) {
        return pool.preparedQuery("""
                        UPDATE mailbox_message SET document = coalesce(document, $2) WHERE id = $1 RETURNING document""")
                .execute(Tuple.of(messageId, io.vertx.core.buffer.Buffer.buffer(rendered)))
                .map(rows -> rows.iterator().next().getBuffer("document").getBytes());
    }

    /** The latest decision notice delivered for an application, if any. */
    public Uni<java.util.Optional<UUID>> latestOf(UUID applicationId) {
        return pool.preparedQuery("""
                        SELECT id FROM mailbox_message WHERE application_id = $1 AND kind = 'DECISION' ORDER BY created_at DESC LIMIT 1""")
                .execute(Tuple.of(applicationId))
                .map(rows -> rows.size() == 0 ? java.util.Optional.empty() : java.util.Optional.of(rows.iterator().next().getUUID("id")));
    }

    /**
     * Renders the notices that arrived and have no document yet. A round that cannot run (the database away) is
     * logged once until one works again, not with a stack trace every few seconds.
     */
    @Scheduled(every = "${amtsweg.notices.render-interval:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renderPending() {
        rounds.nudge();
    }

    Uni<Integer> renderRound() {
        return pool.preparedQuery("SELECT id FROM mailbox_message WHERE kind = 'DECISION' AND document IS NULL ORDER BY created_at LIMIT 20")
                .execute()
                .chain(rows -> Multi.createFrom().iterable(rows).map(row -> row.getUUID("id"))
                        .onItem().transformToUniAndConcatenate(id -> document(id).replaceWithVoid()
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "notice %s not rendered yet, will retry", id);
                                    return null;
                                }))
                        .collect().asList().map(List::size));
    }

    static String outcome(String outcome) {
        return switch (String.valueOf(outcome)) {
            case "APPROVED" -> "bewilligt";
            case "REJECTED" -> "abgelehnt";
            case "PARTIALLY_APPROVED" -> "teilweise bewilligt";
            default -> outcome;
        };
    }
}
