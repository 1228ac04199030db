package org.amtsweg.identity.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.authorize.RedirectUris;

/**
 * The upstream OpenID provider this gateway delegates citizen logins to, spoken to as a confidential
 * client over HTTP: discovery, the code flow with PKCE, and a verified ID token (signature from its
 * JWKS, issuer, audience, nonce, expiry).
 */
@ApplicationScoped
public class UpstreamProvider {

    private final IdentityConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile JsonNode metadata;

    public UpstreamProvider(IdentityConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public boolean enabled() {
        return config.upstream().enabled()
                && config.upstream().issuer().isPresent()
                && config.upstream().clientId().isPresent();
    }

    public String displayName() {
        return config.upstream().displayName();
    }

    /** Where our callback is: the upstream sends the browser back here. */
    public String callbackUri() {
        return config.issuer() + "/authorize/upstream/callback";
    }

    public Uni<URI> authorizationRedirect(String state, String nonce, String codeChallenge, String acrMinimum) {
        return metadata().map(meta -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("response_type", "code");
            parameters.put("client_id", config.upstream().clientId().orElseThrow());
            parameters.put("redirect_uri", callbackUri());
            parameters.put("scope", config.upstream().scope());
            parameters.put("state", state);
            parameters.put("nonce", nonce);
            parameters.put("code_challenge", codeChallenge);
            parameters.put("code_challenge_method", "S256");
            parameters.put("acr_values", acrMinimum);
            return RedirectUris.withParameters(
                    meta.get("authorization_endpoint").asText(), parameters);
        });
    }

    /** Exchanges the upstream's code and returns the verified claims of its ID token. */
    public Uni<JWTClaimsSet> exchange(String code, String verifier, String nonce) {
        return metadata().chain(meta -> {
            String form = Map.of(
                            "grant_type",
                            "authorization_code",
                            "code",
                            code,
                            "redirect_uri",
                            callbackUri(),
                            "code_verifier",
                            verifier)
                    .entrySet()
                    .stream()
                    .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            String basic = Base64.getEncoder()
                    .encodeToString((encode(config.upstream().clientId().orElseThrow()) + ":"
                                    + encode(config.upstream().clientSecret().orElse("")))
                            .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(meta.get("token_endpoint").asText()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            return send(request).chain(tokens -> {
                if (!tokens.hasNonNull("id_token")) {
                    return Uni.createFrom()
                            .failure(new UpstreamFailure("the upstream provider returned no ID token: "
                                    + tokens.path("error").asText()));
                }
                return get(meta.get("jwks_uri").asText())
                        .map(jwks -> verify(tokens.get("id_token").asText(), jwks, nonce));
            });
        });
    }

    private JWTClaimsSet verify(String idToken, JsonNode jwks, String nonce) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            JWK key =
                    JWKSet.parse(jwks.toString()).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new UpstreamFailure("the upstream's ID token is signed with an unknown key");
            }
            boolean valid = switch (key.getKeyType().getValue()) {
                case "EC" -> jwt.verify(new ECDSAVerifier(key.toECKey()));
                case "RSA" -> jwt.verify(new RSASSAVerifier(key.toRSAKey()));
                default -> false;
            };
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!valid
                    || !config.upstream().issuer().orElseThrow().equals(claims.getIssuer())
                    || !claims.getAudience()
                            .contains(config.upstream().clientId().orElseThrow())
                    || !nonce.equals(claims.getStringClaim("nonce"))
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().before(new Date())) {
                throw new UpstreamFailure("the upstream's ID token failed verification");
            }
            return claims;
        } catch (UpstreamFailure e) {
            throw e;
        } catch (Exception e) {
            throw new UpstreamFailure("the upstream's ID token is unreadable: " + e.getMessage());
        }
    }

    private Uni<JsonNode> metadata() {
        JsonNode known = metadata;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return get(config.upstream().issuer().orElseThrow() + "/.well-known/openid-configuration")
                .invoke(found -> metadata = found);
    }

    private Uni<JsonNode> get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build());
    }

    private Uni<JsonNode> send(HttpRequest request) {
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    try {
                        return mapper.readTree(response.body());
                    } catch (Exception e) {
                        throw new UpstreamFailure(
                                "the upstream provider answered " + response.statusCode() + " with no JSON");
                    }
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The upstream provider could not be used for this login. */
    public static class UpstreamFailure extends RuntimeException {
        public UpstreamFailure(String message) {
            super(message);
        }
    }
}
