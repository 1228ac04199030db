package org.amtsweg.catalog.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.templates.SqlTemplate;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.amtsweg.catalog.CatalogCaches;
import org.amtsweg.catalog.Problems;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.amtsweg.resourceserver.input.ConstraintViolations;
import org.amtsweg.resourceserver.problem.Violation;

/** Administration of authorities, their responsibilities (Zuständigkeit) and what they offer. */
@ApplicationScoped
public class AuthorityAdministration {

    private static final Set<String> STATES = Set.of("online", "external", "planned", "offline");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,80}");
    /** What a portal shows as the local name of a service ("Wohngeld beantragen"), and a note beside it. */
    static final int MAX_LOCAL_TITLE = 200;

    static final int MAX_NOTE = 1000;

    private final Pool pool;
    private final Validator validator;
    private final CatalogAdministration catalog;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final Cache reads;

    public AuthorityAdministration(
            Pool pool,
            Validator validator,
            CatalogAdministration catalog,
            OutboxRelay relay,
            ObjectMapper mapper,
            @CacheName(CatalogCaches.READS) Cache reads) {
        this.reads = reads;
        this.pool = pool;
        this.validator = validator;
        this.catalog = catalog;
        this.relay = relay;
        this.mapper = mapper;
    }

    public Uni<Boolean> upsertAuthority(AuthorityInput input, String actor) {
        List<Violation> violations = ConstraintViolations.of(validator.validate(input));
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        return pool.withTransaction(connection -> catalog.before(
                                connection,
                                "SELECT to_jsonb(a) AS row FROM authority a WHERE id = $1 FOR UPDATE",
                                input.id())
                        .map(row -> AdministeredShape.of(mapper, row, AuthorityInput.class, Map.of()))
                        .chain(before -> SqlTemplate.forUpdate(connection, UPSERT_AUTHORITY)
                                .execute(authority(input))
                                .chain(() -> catalog.record(
                                        connection,
                                        actor,
                                        "AUTHORITY",
                                        input.id(),
                                        before == null ? "CREATED" : "UPDATED",
                                        input.id(),
                                        before,
                                        mapper.valueToTree(input)))
                                .replaceWith(before == null)))
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    private static final String UPSERT_AUTHORITY = """
            INSERT INTO authority (id, name, kind, ags_codes, reference_prefix, street_address, postal_code, locality,
                email, phone, website, logo_svg, primary_color, secondary_color, name_line, imprint_url, privacy_url,
                updated_at)
            VALUES (#{id}, #{name}, #{kind}, #{agsCodes}, #{referencePrefix}, #{streetAddress}, #{postalCode},
                #{locality}, #{email}, #{phone}, #{website}, #{logoSvg}, #{primaryColor}, #{secondaryColor},
                #{nameLine}, #{imprintUrl}, #{privacyUrl}, now())
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, ags_codes = excluded.ags_codes,
                reference_prefix = excluded.reference_prefix, street_address = excluded.street_address,
                postal_code = excluded.postal_code, locality = excluded.locality, email = excluded.email,
                phone = excluded.phone, website = excluded.website, logo_svg = excluded.logo_svg,
                primary_color = excluded.primary_color, secondary_color = excluded.secondary_color,
                name_line = excluded.name_line, imprint_url = excluded.imprint_url, privacy_url = excluded.privacy_url,
                updated_at = now()""";

    private static Map<String, Object> authority(AuthorityInput input) {
        Map<String, Object> authority = new HashMap<>();
        authority.put("id", input.id());
        authority.put("name", input.name());
        authority.put("kind", input.kind());
        authority.put("agsCodes", input.agsCodes().toArray(String[]::new));
        authority.put("referencePrefix", input.referencePrefix());
        authority.put("streetAddress", input.streetAddress());
        authority.put("postalCode", input.postalCode());
        authority.put("locality", input.locality());
        authority.put("email", input.email());
        authority.put("phone", input.phone());
        authority.put("website", input.website());
        authority.put("logoSvg", input.logoSvg());
        authority.put("primaryColor", input.primaryColor());
        authority.put("secondaryColor", input.secondaryColor());
        authority.put("nameLine", input.nameLine());
        authority.put("imprintUrl", input.imprintUrl());
        authority.put("privacyUrl", input.privacyUrl());
        return authority;
    }

    /** Makes an authority responsible for a service in an area (8-digit AGS, 2-digit state code or DE). */
    public Uni<Void> assignResponsibility(String service, String area, String authorityId, String actor) {
        if (!area.matches("[0-9]{2}|[0-9]{8}|DE")) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/area",
                    "pattern",
                    "Ein 8-stelliger AGS, ein 2-stelliger Landesschlüssel oder DE.",
                    "An 8-digit AGS, a 2-digit state code or DE.")));
        }
        if (authorityId == null || authorityId.isBlank()) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/authorityId",
                    "required",
                    "Die zuständige Behörde fehlt.",
                    "The responsible authority is missing.")));
        }
        if (!ID.matcher(authorityId).matches()) {
            throw Problems.invalidInput(List.of(new Violation(
                    "/authorityId",
                    "pattern",
                    "Die Kennung einer Behörde (Kleinbuchstaben, Ziffern, Bindestriche).",
                    "An authority's identifier (lower-case letters, digits, hyphens).")));
        }
        return pool.withTransaction(connection -> catalog.before(connection, """
                                SELECT jsonb_build_object('authorityId', authority_id) AS row FROM responsibility
                                WHERE service_key = $1 AND area = $2 FOR UPDATE""", Tuple.of(service, area))
                        .chain(before -> connection
                                .preparedQuery("""
                                        INSERT INTO responsibility (service_key, area, authority_id) VALUES ($1, $2, $3)
                                        ON CONFLICT (service_key, area) DO UPDATE SET authority_id = excluded.authority_id""")
                                .execute(Tuple.of(service, area, authorityId))
                                .chain(() -> catalog.record(
                                        connection,
                                        actor,
                                        "RESPONSIBILITY",
                                        service + "@" + area,
                                        before == null ? "CREATED" : "UPDATED",
                                        authorityId,
                                        before,
                                        mapper.createObjectNode().put("authorityId", authorityId)))))
                .onFailure(PgException.class)
                .transform(failure -> unknownReference(failure, service, authorityId))
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    /** Records what an authority offers for a service: online, external, planned or offline, since when. */
    public Uni<Void> setAvailability(
            String authorityId,
            String service,
            String state,
            LocalDate since,
            String localTitle,
            String note,
            String actor) {
        List<Violation> violations = new ArrayList<>();
        if (state == null || !STATES.contains(state)) {
            violations.add(new Violation(
                    "/state",
                    "enum",
                    "Einer der Werte online, external, planned oder offline.",
                    "One of online, external, planned or offline."));
        }
        if (localTitle != null && localTitle.length() > MAX_LOCAL_TITLE) {
            violations.add(new Violation(
                    "/localTitle",
                    "maxLength",
                    "Höchstens " + MAX_LOCAL_TITLE + " Zeichen.",
                    "At most " + MAX_LOCAL_TITLE + " characters."));
        }
        if (note != null && note.length() > MAX_NOTE) {
            violations.add(new Violation(
                    "/note",
                    "maxLength",
                    "Höchstens " + MAX_NOTE + " Zeichen.",
                    "At most " + MAX_NOTE + " characters."));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalidInput(violations);
        }
        // As PUT /authorities/{id}/availability/{service} takes it: {state, since, localTitle, note}.
        ObjectNode after = mapper.createObjectNode()
                .put("state", state)
                .put("since", since == null ? null : since.toString())
                .put("localTitle", localTitle)
                .put("note", note);
        return pool.withTransaction(connection -> catalog.before(connection, """
                                SELECT jsonb_build_object('state', state, 'since', since, 'localTitle', local_title, 'note', note) AS row
                                FROM availability WHERE authority_id = $1 AND service_key = $2 FOR UPDATE""", Tuple.of(authorityId, service))
                        .chain(before -> connection
                                .preparedQuery("""
                                        INSERT INTO availability (authority_id, service_key, state, since, local_title, note) VALUES ($1, $2, $3, $4, $5, $6)
                                        ON CONFLICT (authority_id, service_key) DO UPDATE SET state = excluded.state, since = excluded.since,
                                            local_title = excluded.local_title, note = excluded.note""")
                                .execute(
                                        Tuple.from(new Object[] {authorityId, service, state, since, localTitle, note}))
                                .chain(() -> catalog.record(
                                        connection,
                                        actor,
                                        "AVAILABILITY",
                                        authorityId + "/" + service,
                                        before == null ? "CREATED" : "UPDATED",
                                        authorityId,
                                        before,
                                        after))))
                .onFailure(PgException.class)
                .transform(failure -> unknownReference(failure, service, authorityId))
                .call(() -> reads.invalidateAll())
                .invoke(relay::nudge);
    }

    /**
     * A service or authority that does not exist (404), named by the reference the database refused: its
     * own detail names tables and columns.
     */
    private static Throwable unknownReference(Throwable failure, String service, String authorityId) {
        if (!(failure instanceof PgException pg) || !"23503".equals(pg.getSqlState())) {
            return failure;
        }
        return String.valueOf(pg.getConstraint()).contains("authority_id")
                ? Problems.notFound("Es gibt keine Behörde mit der Kennung " + authorityId + ".")
                : Problems.notFound("Es gibt keine Leistung mit dem Schlüssel " + service + ".");
    }
}
