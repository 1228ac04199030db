package org.amtsweg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A demo person's login at the identity gateway (password grant of the command-line client); renewed well
 * before the access token expires, since a long run outlasts it.
 */
final class Login implements Supplier<String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String identity;
    private final String form;
    private String token;
    private long obtainedAt;

    private Login(HttpClient http, String identity, String username, String password, String scope) {
        this.http = http;
        this.identity = identity;
        this.form = "grant_type=password&client_id=amtsweg-cli&username=" + encode(username) + "&password="
                + encode(password) + (scope == null ? "" : "&scope=" + encode(scope));
    }

    /** Erika Mustermann of Hagen, the demo citizen. */
    static Login citizen(HttpClient http, String identity) {
        return new Login(http, identity, "erika", "123456", "openid profile address");
    }

    /** A clerk of Stadt Hagen. */
    static Login hagenClerk(HttpClient http, String identity) {
        return new Login(http, identity, "clerk.hagen", "Hagen-Demo-2026", null);
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - obtainedAt > TimeUnit.MINUTES.toNanos(2)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(identity + "/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
                }
                token = JSON.readTree(response.body()).get("access_token").asText();
            } catch (Exception e) {
                throw new IllegalStateException("login at " + identity + " failed", e);
            }
            obtainedAt = System.nanoTime();
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
