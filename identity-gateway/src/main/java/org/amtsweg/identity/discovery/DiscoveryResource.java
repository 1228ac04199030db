package org.amtsweg.identity.discovery;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.keys.SigningKeyRing;

/**
 * OpenID Connect discovery. It lists only what the gateway really does, because clients configure
 * themselves from it.
 */
@Path("/.well-known/openid-configuration")
public class DiscoveryResource {

    private final IdentityConfig config;

    public DiscoveryResource(IdentityConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> configuration() {
        String issuer = config.issuer();
        List<String> grants = new ArrayList<>(List.of("authorization_code", "refresh_token", "client_credentials"));
        if (config.directGrantEnabled()) {
            grants.add("password");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/authorize");
        document.put("token_endpoint", issuer + "/token");
        document.put("userinfo_endpoint", issuer + "/userinfo");
        document.put("jwks_uri", issuer + "/jwks");
        document.put("introspection_endpoint", issuer + "/introspect");
        document.put("revocation_endpoint", issuer + "/revoke");
        document.put("end_session_endpoint", issuer + "/end-session");
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("grant_types_supported", grants);
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put(
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        document.put(
                "introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put(
                "revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("scopes_supported", List.of("openid", "profile", "address", "eid"));
        document.put(
                "claims_supported",
                List.of(
                        "sub",
                        "acr",
                        "amr",
                        "auth_time",
                        "sid",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "address",
                        "municipality",
                        "nationality",
                        "place_of_birth",
                        "roles",
                        "authority",
                        "preferred_username",
                        "name"));
        document.put("acr_values_supported", List.of("low", "substantial", "high"));
        document.put("prompt_values_supported", List.of("none", "login"));
        document.put("subject_types_supported", List.of("public"));
        // RS256 first: OpenID Connect requires it and Registration makes it the default; a client may register ES256.
        // No userinfo_signing_alg_values_supported: userinfo always answers plain JSON, never a JWT.
        document.put(
                "id_token_signing_alg_values_supported",
                SigningKeyRing.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList());
        document.put("authorization_response_iss_parameter_supported", true);
        document.put("claims_parameter_supported", false);
        document.put("request_parameter_supported", false);
        document.put("request_uri_parameter_supported", false);
        return document;
    }
}
