package org.amtsweg.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A client that offers HTTP/2 — the JDK's own HttpClient does by default, and the gateway itself uses it
 * towards an upstream provider — gets its tokens like any other: every form POST of such a client was a 500.
 */
@QuarkusTest
class Http2ClientTest {

    @TestHTTPResource("/token")
    URI token;

    @Test
    void aClientOfferingHttp2GetsATokenAtTheTokenEndpoint() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String basic = Base64.getEncoder()
                .encodeToString("application-service:local-application-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + basic)
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"access_token\"");
    }
}
