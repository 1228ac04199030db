package org.amtsweg.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the identity gateway ("amtsweg.identity.*"). */
@ConfigMapping(prefix = "amtsweg.identity")
public interface IdentityConfig {

    /** The issuer URL: the {@code iss} of every token and the base of every endpoint in discovery. */
    String issuer();

    /** Lifetime of access tokens; short, because resource servers do not ask whether a token was revoked. */
    @WithDefault("PT5M")
    Duration accessTokenLifetime();

    /** Lifetime of refresh tokens; each use rotates the token, a replay revokes the whole family. */
    @WithDefault("PT8H")
    Duration refreshTokenLifetime();

    /** Lifetime of authorization codes (single use in any case). */
    @WithDefault("PT60S")
    Duration codeLifetime();

    /** How long a pending login (the login page) stays valid. */
    @WithDefault("PT15M")
    Duration loginRequestLifetime();

    /** How long the one-time activation link of an account created without password stays valid. */
    @WithDefault("PT72H")
    Duration activationLinkLifetime();

    /** Cookies only over HTTPS; off for plain-HTTP local use and tests. */
    @WithDefault("true")
    boolean secureCookies();

    /** Signing key rotation. */
    Keys keys();

    /** Brute-force protection of logins and client secrets. */
    Throttle throttle();

    /** Secret from which the stable pseudonymous {@code sub} of each person is derived (HMAC). */
    String pseudonymSecret();

    /**
     * Resource-owner password grant as a shortcut for scripts and the README's quick tour. Never
     * enabled in the {@code prod} profile: the gateway refuses to start if it is.
     */
    @WithDefault("false")
    boolean directGrantEnabled();

    /** The eID / ELSTER simulator: test identities instead of a real eID card or certificate. */
    TestIdentities testIdentities();

    /** Demo staff accounts (clerks, supervisors, administrators) seeded at start-up. */
    DemoStaff demoStaff();

    /** Delegation of citizen logins to an upstream OpenID provider (e.g. a Keycloak brokering BundID's SAML). */
    Upstream upstream();

    /** Registered OAuth clients by client id. */
    Map<String, Client> clients();

    /** Signing key rotation: a new key is published before it signs, an old one stays until its tokens expired. */
    interface Keys {
        /**
         * Algorithm of access tokens: {@code ES256} (P-256) or {@code RS256} (3072-bit RSA, the length BSI
         * TR-02102-1 asks for) for resource servers that cannot check ECDSA. The gateway always keeps a key
         * of each kind; ID tokens use the algorithm their client registered ({@code id-token-signed-response-alg}).
         */
        @WithDefault("ES256")
        String accessTokenAlgorithm();

        /**
         * The master key that wraps the private signing keys in the database (envelope encryption): 256 bits,
         * base64. Usually from the environment ({@code AMTSWEG_IDENTITY_MASTER_KEY}); or see {@link #masterKeyFile()}.
         */
        Optional<String> masterKey();

        /** A file that holds the master key (base64), e.g. a mounted secret; used where {@link #masterKey()} is not set. */
        Optional<String> masterKeyFile();

        /**
         * Earlier master keys (base64), only for reading keys they wrapped: at start-up every key is
         * re-wrapped with the current master key, after which the earlier ones can be removed.
         */
        Optional<List<String>> previousMasterKeys();

        /** How long a new key is published before it signs (longer than resource servers cache the JWKS). */
        @WithDefault("PT10M")
        Duration publishAhead();

        /** Age after which the scheduled check rotates the active key. */
        @WithDefault("P30D")
        Duration rotationPeriod();

        /** How often each instance re-reads the key set, so that all instances switch keys together. */
        @WithDefault("30s")
        String reloadEvery();
    }

    /** The upstream provider this gateway is registered with as a confidential client. */
    interface Upstream {
        @WithDefault("false")
        boolean enabled();

        /** The upstream's issuer; its discovery document is read from there. */
        Optional<String> issuer();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The name the login page shows, e.g. "BundID". */
        @WithDefault("BundID")
        String displayName();

        @WithDefault("openid profile address eid")
        String scope();
    }

    /**
     * Growing delays after failed authentications, per account (passwords, PINs) and per client (client
     * secrets), and a far higher bound per client address: a municipal proxy puts many people behind one
     * address, so that an address is never locked for what one of them mistyped.
     */
    interface Throttle {
        Backoff accounts();

        Backoff clients();

        Addresses addresses();

        /** Failures older than this are forgotten; a success forgets them at once. */
        @WithDefault("PT24H")
        Duration forgetAfter();
    }

    /** After {@code freeFailures} failures in a row, each further attempt waits {@code initialDelay}, doubling up to {@code maxDelay}. */
    interface Backoff {
        @WithDefault("5")
        int freeFailures();

        @WithDefault("PT1S")
        Duration initialDelay();

        @WithDefault("PT15M")
        Duration maxDelay();
    }

    /** At most {@code maxFailures} failed authentications from one address within {@code window}. */
    interface Addresses {
        @WithDefault("1000")
        int maxFailures();

        @WithDefault("PT10M")
        Duration window();
    }

    /** The simulator of eID cards and ELSTER certificates. */
    interface TestIdentities {
        /** Off in {@code prod}: there only a real eID infrastructure may vouch for a person. */
        @WithDefault("false")
        boolean enabled();

        /** Classpath resource or file path of the test identity set (JSON). */
        @WithDefault("identity/test-identities.json")
        String file();
    }

    /** Seeding of the demo authorities' staff. */
    interface DemoStaff {
        @WithDefault("false")
        boolean enabled();

        /** Classpath resource or file path of the demo staff accounts (JSON). */
        @WithDefault("identity/demo-staff.json")
        String file();
    }

    /** One registered client. */
    interface Client {
        /** Public clients (browser apps) have no secret and must use PKCE. */
        @WithDefault("false")
        boolean publicClient();

        /** Secret of a confidential client, compared in constant time. */
        Optional<String> secret();

        /** Grant types this client may use. */
        List<String> grants();

        /** Scopes this client may ask for. */
        @WithDefault("openid")
        List<String> scopes();

        /** The resource servers ({@code aud}) its access tokens are for. */
        List<String> audiences();

        /** Exact redirect URIs for the authorization code flow. */
        Optional<List<String>> redirectUris();

        /** Where RP-initiated logout may send the browser afterwards (exact match). */
        Optional<List<String>> postLogoutRedirectUris();

        /**
         * The authority a client acting on its own behalf works for, e.g. a specialist procedure
         * (Fachverfahren): its tokens carry it as {@code authority}, so the case service shows it that
         * authority's cases and no other's.
         */
        Optional<String> authority();

        /** Roles its own tokens carry (claim {@code roles}), e.g. {@code procedure}. */
        Optional<List<String>> roles();

        /**
         * The right to read the claims of any token at the introspection endpoint (e.g. an audit service).
         * Without it a client learns the claims only of tokens it is an audience of or was issued; of any
         * other token only whether it is active.
         */
        @WithDefault("false")
        boolean introspection();

        /**
         * The algorithm of this client's ID tokens ({@code id_token_signed_response_alg} of OpenID Connect
         * Dynamic Client Registration): {@code RS256} (the registration's default) or {@code ES256}.
         */
        @WithDefault("RS256")
        String idTokenSignedResponseAlg();
    }
}
