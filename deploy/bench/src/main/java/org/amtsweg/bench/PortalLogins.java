package org.amtsweg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Logs virtual users in to the portal as a person does it in a browser: a page behind the login sends her
 * to the gateway (quarkus-oidc's authorization code flow with PKCE), the gateway's login page sets its
 * browser-binding cookie and carries the form's CSRF token, the form is posted with the chosen method and
 * the gateway sends her back to the portal's callback, which opens the session and returns her to the page.
 * Citizens log in with a test identity's eID card, clerks with their password.
 */
final class PortalLogins {

    /** The demo citizens (test identities of identity-gateway), all of them with the test cards' PIN. */
    static final String[] CITIZENS = {"erika", "lena", "jonas", "max"};

    private static final String CARD_PIN = "123456";
    /** Staff of Stadt Hagen (identity-gateway's demo-staff.json). */
    static final String[][] HAGEN_STAFF = {{"clerk.hagen", "Hagen-Demo-2026"}, {"supervisor.hagen", "Hagen-Demo-2026"}};

    private final HttpClient http;
    private final URI portal;

    PortalLogins(HttpClient http, URI portal) {
        this.http = http;
        this.portal = portal;
    }

    /** The {@code index}-th citizen's browser, logged in with her eID card, on "Meine Anträge". */
    Browser citizen(int index) throws Exception {
        return login("/antraege", "eid", CITIZENS[index % CITIZENS.length], CARD_PIN);
    }

    /** The {@code index}-th Hagen clerk's browser, logged in with a password, on the inbox. */
    Browser hagenClerk(int index) throws Exception {
        String[] staff = HAGEN_STAFF[index % HAGEN_STAFF.length];
        return login("/sachbearbeitung", "password", staff[0], staff[1]);
    }

    private Browser login(String protectedPath, String method, String username, String password) throws Exception {
        Browser browser = new Browser(http);
        Browser.Page loginPage = browser.follow(browser.get(portal.resolve(protectedPath)));
        if (loginPage.uri().getPort() == portal.getPort()) {
            throw new IllegalStateException(protectedPath + " did not send a new browser to the gateway's login page");
        }
        Element form = loginPage.html().selectFirst("form:has(input[name=method][value=" + method + "])");
        if (form == null) {
            throw new IllegalStateException(
                    "the gateway's login page offers no " + method + " form: " + Browser.abbreviated(loginPage.body()));
        }
        Map<String, String> fields = Browser.fields(form);
        fields.put("username", username);
        fields.put("password", password);
        Browser.Page back = browser.follow(browser.post(URI.create(form.absUrl("action")), fields));
        if (!back.uri().equals(portal.resolve(protectedPath))) {
            throw new IllegalStateException(
                    username + "'s login ended at " + back.uri() + " instead of " + protectedPath);
        }
        return browser;
    }
}
