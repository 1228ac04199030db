package org.amtsweg.identity.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.citizen.TestIdentity;
import org.amtsweg.identity.staff.StaffAccount;

/**
 * Who a token speaks for, and how they proved it: a citizen (by eID, ELSTER or password), a member of
 * staff, or a client acting for itself.
 */
public sealed interface Principal {

    Instant authenticatedAt();

    /** A citizen identified by the eID simulator or a real eID infrastructure. */
    record Citizen(TestIdentity identity, LoginMethod method, Instant authenticatedAt) implements Principal {}

    /** A clerk, supervisor or administrator of an authority. */
    record Staff(StaffAccount account, Instant authenticatedAt) implements Principal {}

    /**
     * A client calling a service on its own behalf (client credentials): another Amtsweg service, or an
     * authority's specialist procedure, which then speaks for that {@code authority} in its {@code roles}.
     */
    record Service(String clientId, Optional<String> authority, List<String> roles, Instant authenticatedAt)
            implements Principal {}
}
