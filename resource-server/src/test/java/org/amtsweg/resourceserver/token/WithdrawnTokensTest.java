package org.amtsweg.resourceserver.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amtsweg.events.TokensRevoked;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which tokens a resource server refuses after the gateway's revocations. */
class WithdrawnTokensTest {

    private final WithdrawnTokens withdrawn = new WithdrawnTokens(new RememberedTokens());

    @Test
    void aRevokedTokenIsRefusedByItsIdAndNoOther() {
        withdrawn.withdraw(revocation(null, List.of("jti-1"), Instant.now().plusSeconds(300)));

        assertThat(withdrawn.isWithdrawn(token("jti-1", "sid-a"))).isTrue();
        assertThat(withdrawn.isWithdrawn(token("jti-2", "sid-a"))).isFalse();
    }

    @Test
    void anEndedSessionWithdrawsEveryTokenOfIt() {
        withdrawn.withdraw(revocation("sid-b", List.of(), Instant.now().plusSeconds(300)));

        assertThat(withdrawn.isWithdrawn(token("issued-before-logout", "sid-b")))
                .isTrue();
        assertThat(withdrawn.isWithdrawn(token("issued-in-a-race", "sid-b"))).isTrue();
        assertThat(withdrawn.isWithdrawn(token("another-session", "sid-c"))).isFalse();
        assertThat(withdrawn.isWithdrawn(token("no-session", null))).isFalse();
    }

    @Test
    void aRevocationWhoseTokensHaveExpiredIsNotKept() {
        withdrawn.withdraw(
                revocation("sid-old", List.of("jti-old"), Instant.now().minusSeconds(1)));

        assertThat(withdrawn.isWithdrawn(token("jti-old", "sid-old"))).isFalse();
    }

    private static TokensRevoked revocation(String sid, List<String> jtis, Instant until) {
        return new TokensRevoked(
                "r-" + until.toEpochMilli(),
                sid,
                jtis,
                sid == null ? "revoked" : "session-ended",
                Instant.now(),
                until);
    }

    private static JsonWebToken token(String jti, String sid) {
        Map<String, Object> claims = sid == null ? Map.of("jti", jti) : Map.of("jti", jti, "sid", sid);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "citizen";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
