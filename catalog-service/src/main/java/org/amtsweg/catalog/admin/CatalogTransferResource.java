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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amtsweg.catalog.CatalogCaches;
import org.amtsweg.catalog.Problems;
import org.amtsweg.catalog.services.ServiceCatalog;
import org.amtsweg.catalog.services.ServiceDetails;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.amtsweg.resourceserver.input.ConstraintViolations;
import org.amtsweg.resourceserver.problem.Violation;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bulk transfer of the catalogue (administrators only): services as JSON (export, and an idempotent
 * import that checks everything before it writes anything), LeiKa entries as CSV, and the audit trail.
 */
@Path("/catalog")
@RolesAllowed("admin")
public class CatalogTransferResource {

    private final Pool pool;
    private final LeikaEntries leika;
    private final ServiceCatalog catalog;
    private final CatalogAdministration administration;
    private final Validator validator;
    private final OutboxRelay relay;
    private final JsonWebToken token;
    private final Cache reads;
    private final ObjectMapper mapper;

    public CatalogTransferResource(
            Pool pool,
            ServiceCatalog catalog,
            CatalogAdministration administration,
            Validator validator,
            OutboxRelay relay,
            JsonWebToken token,
            @CacheName(CatalogCaches.READS) Cache reads,
            ObjectMapper mapper,
            LeikaEntries leika) {
        this.leika = leika;
        this.reads = reads;
        this.mapper = mapper;
        this.pool = pool;
        this.catalog = catalog;
        this.administration = administration;
        this.validator = validator;
        this.relay = relay;
        this.token = token;
    }

    /** The export: every service in the form the import takes. */
    public record CatalogDocument(List<ServiceInput> services) {}

    /** What an import did. */
    public record ImportResult(int services, int created) {}

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CatalogDocument> export() {
        return pool.query("SELECT key FROM service ORDER BY key")
                .execute()
                .chain(rows -> Multi.createFrom()
                        .iterable(rows)
                        .onItem()
                        .transformToUniAndConcatenate(row -> catalog.find(row.getString("key")))
                        .collect()
                        .asList())
                .map(found -> new CatalogDocument(found.stream()
                        .flatMap(Optional::stream)
                        .map(CatalogTransferResource::input)
                        .toList()));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ImportResult> importCatalog(CatalogDocument document) {
        if (document == null || document.services() == null) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/services", "required", "Die Liste der Leistungen fehlt.", "The list of services is missing.")));
        }
        return administration
                .importServices(document.services(), Administrator.of(token))
                .map(created -> new ImportResult(document.services().size(), created));
    }

    @GET
    @Path("/leika.csv")
    @Produces("text/csv")
    public Uni<String> leikaCsv() {
        return leika.all().map(entries -> {
            try {
                return LeikaCsv.write(entries);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write CSV", e);
            }
        });
    }

    /**
     * Upserts LeiKa entries from CSV, all or nothing; each row names the service it belongs to. The whole
     * document is checked first (charset, header, every row and cell, the services named), and every
     * violation comes back at once, by line and by pointer {@code /row/column}.
     */
    @POST
    @Path("/leika.csv")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Integer>> importLeika(byte[] csv, @Context HttpHeaders headers) {
        LeikaCsv.Document document = LeikaCsv.read(csv == null ? new byte[0] : csv, charset(headers.getMediaType()));
        if (!document.violations().isEmpty()) {
            throw Problems.invalidInput(
                    document.violations(),
                    document.unknownColumns().isEmpty()
                            ? Map.of()
                            : Map.of("unknownColumns", document.unknownColumns(), "knownColumns", LeikaCsv.COLUMNS));
        }
        List<LeikaCsv.Row> rows = document.rows();
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "/" + i;
            int line = document.lines().get(i);
            LeikaCsv.Row row = rows.get(i);
            ConstraintViolations.of(validator.validate(row.entry()))
                    .forEach(violation -> violations.add(new Violation(
                            prefix + violation.pointer(),
                            violation.keyword(),
                            "Zeile " + line + ": " + violation.message(),
                            "Line " + line + ": " + violation.messageEn())));
            if (row.serviceKey() == null || row.serviceKey().isBlank()) {
                violations.add(new Violation(
                        prefix + "/serviceKey",
                        "required",
                        "Zeile " + line + ": Die Leistung fehlt.",
                        "Line " + line + ": The service is missing."));
            }
            if (row.leikaId() != null) {
                Integer earlier = firstLine.putIfAbsent(row.leikaId(), line);
                if (earlier != null) {
                    violations.add(new Violation(
                            prefix + "/leikaId",
                            "uniqueItems",
                            "Zeile " + line + ": Dieselbe LeiKa-ID steht schon in Zeile " + earlier + ".",
                            "Line " + line + ": The same LeiKa ID is already in line " + earlier + "."));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        String actor = Administrator.of(token);
        List<String> services =
                rows.stream().map(LeikaCsv.Row::serviceKey).distinct().toList();
        return pool.preparedQuery("SELECT key FROM service WHERE key = ANY($1)")
                .execute(Tuple.of(services.toArray(String[]::new)))
                .invoke(known -> refuseUnknownServices(rows, document.lines(), known))
                .chain(() -> pool.withTransaction(connection -> leika.upsert(connection, rows)
                        .chain(() -> Multi.createFrom()
                                .iterable(services)
                                // What the import wrote for each service: its rows, as the CSV gives them.
                                .onItem()
                                .transformToUniAndConcatenate(service -> administration.record(
                                        connection,
                                        actor,
                                        "SERVICE",
                                        service,
                                        "UPDATED",
                                        null,
                                        null,
                                        leikaOf(service, rows)))
                                .collect()
                                .last())))
                // A service removed between the check and the write: the same answer, without the database's wording.
                .onFailure(PgException.class)
                .transform(failure -> "23503".equals(((PgException) failure).getSqlState())
                        ? Problems.invalidInput(List.of(new Violation(
                                "",
                                "reference",
                                "Eine genannte Leistung gibt es nicht mehr.",
                                "A service named no longer exists.")))
                        : failure)
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge)
                .replaceWith(Map.of("entries", rows.size()));
    }

    private JsonNode leikaOf(String service, List<LeikaCsv.Row> rows) {
        ObjectNode written = mapper.createObjectNode();
        written.set(
                "leika",
                mapper.valueToTree(rows.stream()
                        .filter(row -> service.equals(row.serviceKey()))
                        .toList()));
        return written;
    }

    private static void refuseUnknownServices(List<LeikaCsv.Row> rows, List<Integer> lines, RowSet<Row> known) {
        Set<String> existing = new HashSet<>();
        known.forEach(row -> existing.add(row.getString("key")));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!existing.contains(rows.get(i).serviceKey())) {
                violations.add(new Violation(
                        "/" + i + "/serviceKey",
                        "reference",
                        "Zeile " + lines.get(i) + ": Es gibt keine Leistung "
                                + rows.get(i).serviceKey() + ".",
                        "Line " + lines.get(i) + ": There is no service "
                                + rows.get(i).serviceKey() + "."));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
    }

    /** The charset a body declares; UTF-8 when it declares none. */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException unknown) {
            throw Problems.unsupportedCharset(name.length() > 40 ? name.substring(0, 40) + "…" : name);
        }
    }

    /** Body of the audit trail: who changed what, when. */
    public record AuditEntry(
            long id,
            String at,
            String actor,
            String entity,
            String entityId,
            String change,
            Object before,
            Object after) {}

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<AuditEntry>> audit(
            @QueryParam("entity") String entity,
            @QueryParam("id") String id,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problems.invalidParameter("limit", "limit muss zwischen 1 und 1000 liegen.");
        }
        return pool.preparedQuery("""
                        SELECT id, at, actor, entity, entity_id, change, before, after FROM catalog_audit
                        WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
                        ORDER BY id DESC LIMIT $3""").execute(Tuple.of(entity, id, limit)).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new AuditEntry(
                        row.getLong("id"),
                        row.getOffsetDateTime("at").toString(),
                        row.getString("actor"),
                        row.getString("entity"),
                        row.getString("entity_id"),
                        row.getString("change"),
                        map(row.getValue("before")),
                        map(row.getValue("after"))));
            }
            return entries;
        });
    }

    private static Object map(Object json) {
        return json instanceof JsonObject object ? object.getMap() : json;
    }

    private static ServiceInput input(ServiceDetails service) {
        return new ServiceInput(
                service.key(),
                service.name(),
                service.shortDescription(),
                service.ozgId(),
                service.leika().stream()
                        .map(entry -> new ServiceInput.LeikaInput(
                                entry.leikaId(),
                                entry.name(),
                                entry.lastChange(),
                                entry.type(),
                                entry.legalBasis(),
                                entry.sdg1(),
                                entry.sdg2(),
                                entry.status()))
                        .toList(),
                service.topic(),
                service.situation(),
                service.responsibilityLevels(),
                service.booster().member(),
                service.booster().list(),
                service.booster().position(),
                service.efa().ready(),
                service.efa().operator(),
                service.efa().kickoff(),
                service.efa().productiveSince(),
                service.priority().level(),
                service.priority().note(),
                service.handling().mode(),
                service.handling().url(),
                service.handling().note(),
                service.minimumTrustLevel(),
                service.registryChecks(),
                service.synonyms(),
                service.legalBasis());
    }
}
