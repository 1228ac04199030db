package org.amtsweg.identity.authorize;

import org.amtsweg.identity.assurance.TrustLevel;

/**
 * A client's authorization request while the person logs in.
 *
 * @param id          the login transaction's id, carried by the login forms
 * @param csrfToken   the synchronizer token the login forms must return
 * @param browserHash the hash of the browser's login cookie ({@link BrowserBinding}); the forms count only from that browser
 */
public record AuthorizationRequest(
        String id,
        String clientId,
        String redirectUri,
        String scope,
        String state,
        String nonce,
        String codeChallenge,
        TrustLevel minimum,
        String csrfToken,
        String browserHash) {}
