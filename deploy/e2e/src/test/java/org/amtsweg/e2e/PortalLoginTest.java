package org.amtsweg.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen portal's way in: the code flow with PKCE through the gateway's login page, and the
 * resulting token accepted by application-service through its ordinary quarkus-oidc configuration.
 */
@ExtendWith(RunningPlatform.class)
class PortalLoginTest {

    @Test
    void aTokenFromTheLoginPageOpensADraftAtTheResponsibleAuthority() throws Exception {
        String token = Journeys.portalLogin("max", "123456").getString("access_token");

        // Max lives in Dortmund: his Wohngeld goes to Stadt Dortmund, prefilled from his eID.
        given().baseUri(Platform.url(Platform.APPLICATION))
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("service", "wohngeld"))
                .post("/applications")
                .then()
                .statusCode(201)
                .body("authority.id", equalTo("stadt-dortmund"))
                .body("data.antragsteller.vorname", equalTo("Max"));
    }
}
