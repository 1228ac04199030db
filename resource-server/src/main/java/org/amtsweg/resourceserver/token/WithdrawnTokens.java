package org.amtsweg.resourceserver.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amtsweg.events.TokensRevoked;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access tokens the identity gateway withdrew before they expire, by token id and by ended login
 * session, each kept until every token it names has expired anyway. Fed by {@link RevocationListener};
 * asked for every token, remembered or new.
 */
@ApplicationScoped
public class WithdrawnTokens {

    private final Map<String, Instant> tokenIds = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final RememberedTokens remembered;

    public WithdrawnTokens(RememberedTokens remembered) {
        this.remembered = remembered;
    }

    /** Takes a revocation in, and forgets every remembered token it names. */
    public void withdraw(TokensRevoked revocation) {
        Instant now = Instant.now();
        tokenIds.values().removeIf(until -> until.isBefore(now));
        sessions.values().removeIf(until -> until.isBefore(now));
        if (revocation.until() == null || revocation.until().isBefore(now)) {
            return; // everything it names has expired: nothing to refuse
        }
        if (revocation.jtis() != null) {
            revocation.jtis().forEach(jti -> tokenIds.merge(jti, revocation.until(), WithdrawnTokens::later));
        }
        if (revocation.sid() != null) {
            sessions.merge(revocation.sid(), revocation.until(), WithdrawnTokens::later);
        }
        remembered.forget(this::isWithdrawn);
    }

    public boolean isWithdrawn(JsonWebToken token) {
        String jti = token.getTokenID();
        Object sid = token.getClaim("sid");
        return (jti != null && tokenIds.containsKey(jti)) || (sid != null && sessions.containsKey(sid.toString()));
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
