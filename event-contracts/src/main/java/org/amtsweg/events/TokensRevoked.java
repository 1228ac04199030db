package org.amtsweg.events;

import java.time.Instant;
import java.util.List;

/**
 * Access tokens the identity gateway has withdrawn before they expire: by revocation (RFC 7009), by a
 * replayed code or refresh token, or because their login session ended (logout, a deactivated
 * account). A resource server refuses any token whose {@code jti} is listed or whose {@code sid} is the
 * ended session, until {@code until}, after which every such token has expired anyway.
 *
 * @param sid   the ended login session, or null if only the listed tokens are withdrawn
 * @param jtis  the ids of the withdrawn access tokens that have not expired yet (possibly none)
 * @param until the latest expiry of any withdrawn token: nothing needs remembering after it
 */
public record TokensRevoked(
        String revocationId, String sid, List<String> jtis, String reason, Instant revokedAt, Instant until) {

    public static final String TYPE = "TokensRevoked";

    /** Why: {@code revoked} (RFC 7009), {@code replay} (a code or refresh token used twice), {@code session-ended}. */
    public static final List<String> REASONS = List.of("revoked", "replay", "session-ended");
}
