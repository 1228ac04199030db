package org.amtsweg.identity.staff;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Checks staff credentials against the stored bcrypt hashes. */
@ApplicationScoped
public class StaffDirectory {

    // A hash to compare against when the user does not exist, so that timing does not reveal which usernames exist.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account");

    private final Vertx vertx;

    public StaffDirectory(Vertx vertx) {
        this.vertx = vertx;
    }

    @WithSession
    public Uni<Optional<StaffAccount>> authenticate(String username, String password) {
        return StaffAccount.findByUsername(username).chain(account -> {
            // A deactivated account, or one whose holder has not set her password yet, cannot log in: checked like an
            // unknown one.
            boolean usable = account != null && account.active && account.passwordHash != null;
            String hash = usable ? account.passwordHash : DUMMY_HASH;
            // bcrypt costs tens of milliseconds: run it on a worker, resume on this context.
            return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, hash)))
                    .map(matches -> matches && usable ? Optional.of(account) : Optional.<StaffAccount>empty());
        });
    }
}
