package org.amtsweg.identity.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.citizen.TestIdentityCards;
import org.amtsweg.identity.staff.StaffDirectory;
import org.amtsweg.identity.token.OpaqueTokens;

/**
 * Checks what a person presents on the login page: a (simulated) eID card or ELSTER certificate with
 * its PIN, or a username and password — a citizen's account or a member of staff.
 */
@ApplicationScoped
public class Logins {

    private final TestIdentityCards cards;
    private final StaffDirectory staff;

    public Logins(TestIdentityCards cards, StaffDirectory staff) {
        this.cards = cards;
        this.staff = staff;
    }

    /** The new session's facts if the credentials are right; empty otherwise. */
    public Uni<Optional<LoginSession>> authenticate(LoginMethod method, String username, String secret) {
        Instant now = Instant.now();
        var citizen = cards.authenticate(username, secret, method);
        if (citizen.isPresent()) {
            return Uni.createFrom()
                    .item(Optional.of(new LoginSession(
                            OpaqueTokens.random(), "citizen", citizen.get().id(), method, now)));
        }
        if (method != LoginMethod.PASSWORD) {
            return Uni.createFrom().item(Optional.empty());
        }
        return staff.authenticate(username, secret)
                .map(account -> account.map(found ->
                        new LoginSession(OpaqueTokens.random(), "staff", found.username, LoginMethod.PASSWORD, now)));
    }
}
