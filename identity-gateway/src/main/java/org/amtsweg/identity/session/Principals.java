package org.amtsweg.identity.session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.identity.citizen.TestIdentityCards;
import org.amtsweg.identity.staff.StaffAccount;
import org.amtsweg.identity.token.OAuthError;
import org.amtsweg.identity.token.Principal;

/** Turns a login session back into the principal a token speaks for (for code exchange and refresh). */
@ApplicationScoped
public class Principals {

    private final TestIdentityCards testIdentities;

    public Principals(TestIdentityCards testIdentities) {
        this.testIdentities = testIdentities;
    }

    public Uni<Principal> of(LoginSession session) {
        if ("federated".equals(session.subjectKind())) {
            return Uni.createFrom()
                    .item(new Principal.Citizen(FederatedPerson.of(session), session.method(), session.authTime()));
        }
        if ("citizen".equals(session.subjectKind())) {
            return Uni.createFrom()
                    .item(testIdentities
                            .byId(session.subjectRef())
                            .<Principal>map(
                                    identity -> new Principal.Citizen(identity, session.method(), session.authTime()))
                            .orElseThrow(
                                    () -> OAuthError.invalidGrant("the person of this session is no longer known")));
        }
        return Panache.withSession(() -> StaffAccount.findByUsername(session.subjectRef()))
                .map(account -> {
                    if (account == null) {
                        throw OAuthError.invalidGrant("the account of this session no longer exists");
                    }
                    if (!account.active) {
                        throw OAuthError.invalidGrant("the account of this session was deactivated");
                    }
                    return new Principal.Staff(account, session.authTime());
                });
    }
}
