package org.amtsweg.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An administrator (or an administering system, such as a municipality's identity management over
 * SCIM) changed something an authority's operation depends on: a staff account, a procedure client, the
 * catalogue's entries for it, how its procedure takes cases over. It is the audit record — who, when,
 * what it was before and what it is after — and, published, the operator's and other services' way to
 * follow the change (the usage report counts active staff accounts from it).
 *
 * <p>{@code before} and {@code after} are the administered entity as its owning service shows it in its
 * administration API, never secrets (no password hash, no client secret, no private key): {@code null}
 * before a creation and after a deletion.
 *
 * @param changeId  unique id of this change (also the CloudEvent id)
 * @param service   the service that owns the entity, e.g. {@code identity-gateway}
 * @param entity    what kind of thing changed, e.g. {@code staff-account}, {@code procedure-client},
 *                  {@code authority}, {@code handover}
 * @param entityId  its id within the owning service
 * @param authority the authority it belongs to, or null for a platform-wide entity
 * @param action    {@code created}, {@code updated}, {@code deactivated}, {@code reactivated} or {@code deleted}
 * @param actor     who changed it: the administrator's username or the administering client's id
 */
public record AdministrativeChange(
        String changeId,
        String service,
        String entity,
        String entityId,
        String authority,
        String action,
        String actor,
        Instant changedAt,
        JsonNode before,
        JsonNode after) {

    public static final String TYPE = "AdministrativeChange";

    public static final List<String> ACTIONS = List.of("created", "updated", "deactivated", "reactivated", "deleted");
}
