package org.amtsweg.application.mailbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amtsweg.application.catalog.Catalog;
import org.amtsweg.application.documents.BrandedPdf;
import org.amtsweg.messaging.CoalescingRun;
import org.jboss.logging.Logger;

/**
 * The documents of decision notices (Bescheide). Each is rendered once, soon after the decision
 * arrives, in the deciding authority's corporate identity of that moment, and kept: the citizen
 * downloads the same document every time, whatever the authority changes later. A catalogue that
 * does not answer only delays rendering; the job tries again.
 */
@ApplicationScoped
public class NoticeDocuments {

    private static final Logger LOG = Logger.getLogger(NoticeDocuments.class);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Berlin"));

    private final Mailbox mailbox;
    private final Catalog catalog;
    /** Another round at once after a full one (twenty notices); rounds requested meanwhile coalesce. */
    private final CoalescingRun rounds =
            new CoalescingRun(LOG, "rendering decision notices", this::renderRound, rendered -> rendered == 20);

    public NoticeDocuments(Mailbox mailbox, Catalog catalog) {
        this.mailbox = mailbox;
        this.catalog = catalog;
    }

    /** The notice's document: the kept one, or rendered now and kept (if two render at once, the first kept wins). */
    public Uni<byte[]> document(UUID messageId) {
        return mailbox.notice(messageId)
                .chain(found -> document(
                        found.orElseThrow(() -> new IllegalStateException("no decision notice " + messageId))));
    }

    /** {@link #document(UUID)} of a notice already read. */
    Uni<byte[]> document(Mailbox.Notice notice) {
        if (notice.document() != null) {
            return Uni.createFrom().item(notice.document());
        }
        return catalog.letterhead(notice.authorityId())
                .map(letterhead -> BrandedPdf.of(letterhead, "Bescheid")
                        .line("Datum", DATE.format(notice.issuedAt()))
                        .line("Leistung", notice.serviceName())
                        .line("Aktenzeichen", notice.referenceNumber())
                        .line("Entscheidung", outcome(notice.outcome()))
                        .paragraph(notice.body())
                        .line("Begründung", notice.reasoning())
                        .render())
                .chain(rendered -> mailbox.keepDocument(notice.id(), rendered));
    }

    /** The latest decision notice delivered for an application, if any. */
    public Uni<Optional<UUID>> latestOf(UUID applicationId) {
        return mailbox.latestNoticeOf(applicationId);
    }

    /**
     * Renders the notices that arrived and have no document yet. A round that cannot run (the database away) is
     * logged once until one works again, not with a stack trace every few seconds.
     */
    @Scheduled(
            every = "${amtsweg.notices.render-interval:5s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renderPending() {
        rounds.nudge();
    }

    Uni<Integer> renderRound() {
        return mailbox.noticesToRender(20)
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUniAndConcatenate(
                                id -> document(id).replaceWithVoid().onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "notice %s not rendered yet, will retry", id);
                                    return null;
                                }))
                        .collect()
                        .asList()
                        .map(List::size));
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
