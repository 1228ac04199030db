package org.amtsweg.identity.scim;

import java.util.Optional;

/**
 * Who calls the SCIM and client administration APIs: a client with {@code client_credentials} and scope
 * {@code scim}, either the operator's (no authority: may manage every authority) or one authority's own
 * identity management (may see and manage that authority's accounts and clients only).
 */
public record AdministeringClient(String clientId, Optional<String> authority) {

    /** Whether this caller may see and change what belongs to the given authority. */
    public boolean manages(String accountAuthority) {
        return authority.isEmpty() || authority.get().equals(accountAuthority);
    }

    public boolean platformWide() {
        return authority.isEmpty();
    }
}
