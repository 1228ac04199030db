package org.amtsweg.identity.token;

import org.amtsweg.identity.assurance.LoginMethod;
import org.amtsweg.identity.citizen.TestIdentity;
import org.amtsweg.identity.staff.StaffAccount;

import java.time.Instant;

/**
 * Who a token speaks for, and how they proved it: a citizen (by eID, ELSTER or password), a member of
 * staff, or a client acting for itself.
 */
public sealed interface Principal {

    Instant authenticatedAt();

    /** A citizen identified by the eID simulator or a real eID infrastructure. */
    record Citizen(TestIdentity identity, LoginMethod method, Instant authenticatedAt) implements Principal {
    }

    /** A clerk, supervisor or administrator of an authority. */
    record Staff(StaffAccount account, Instant authenticatedAt) implements Principal {
    }

    /** A service calling another service on its own behalf (client credentials). */
    record Service(String clientId, Instant authenticatedAt) implements Principal {
    }
}
