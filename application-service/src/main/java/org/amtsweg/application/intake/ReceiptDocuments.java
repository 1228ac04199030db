package org.amtsweg.application.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import org.amtsweg.application.catalog.Catalog;
import org.amtsweg.application.documents.BrandedPdf;

/**
 * Receipts (Eingangsbestätigungen) of submitted applications: rendered when first asked for, in the
 * responsible authority's letterhead, and kept, so the citizen's proof of what arrived when never
 * changes afterwards. Rendering stays off the submission's path; most citizens fetch it right after.
 */
@ApplicationScoped
public class ReceiptDocuments {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr' (xxx)");

    private final Pool pool;
    private final Catalog catalog;

    public ReceiptDocuments(Pool pool, Catalog catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /** The receipt of a submitted application: the kept one, or rendered now and kept (the first one kept wins). */
    public Uni<byte[]> document(ApplicationView view) {
        return pool.preparedQuery("SELECT receipt FROM application WHERE id = $1")
                .execute(Tuple.of(view.id()))
                .chain(rows -> {
                    io.vertx.mutiny.core.buffer.Buffer kept =
                            rows.size() == 0 ? null : rows.iterator().next().getBuffer("receipt");
                    return kept != null
                            ? Uni.createFrom().item(kept.getBytes())
                            : render(view).chain(pdf -> keep(view, pdf));
                });
    }

    private Uni<byte[]> render(ApplicationView view) {
        return catalog.letterhead(view.authority().id())
                .map(letterhead -> BrandedPdf.of(letterhead, "Eingangsbestätigung")
                        .line("Leistung", view.service().name())
                        .line("Aktenzeichen", view.referenceNumber())
                        .line("Eingegangen am", view.submittedAt().format(RECEIVED))
                        .line(
                                "Antragstellende Person",
                                view.data().at("/antragsteller/vorname").asText("") + " "
                                        + view.data()
                                                .at("/antragsteller/familienname")
                                                .asText(""))
                        .paragraph("Ihr Antrag ist vollständig und elektronisch bei "
                                + letterhead.authority().path("name").asText()
                                + " eingegangen. Bitte geben Sie bei Rückfragen das Aktenzeichen an.")
                        .render());
    }

    private Uni<byte[]> keep(ApplicationView view, byte[] rendered) {
        return pool.preparedQuery(
                        "UPDATE application SET receipt = coalesce(receipt, $2) WHERE id = $1 RETURNING receipt")
                .execute(Tuple.of(view.id(), Buffer.buffer(rendered)))
                .map(rows -> rows.iterator().next().getBuffer("receipt").getBytes());
    }
}
