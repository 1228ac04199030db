package org.amtsweg.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One virtual user's browser: its own cookie jar over a client shared by all of them (so that a few dozen
 * users cost the load generator one selector thread, not one each), redirects never followed by the client
 * — every answer's status is seen, so that a page answering anything unexpected fails the run. Cookies are
 * kept by host as a browser keeps them, the gateway's and the portal's side by side.
 */
final class Browser {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer: its status, the address it answered and its body (the Location header for a redirect). */
    record Page(int status, URI uri, String body, String location) {

        boolean redirect() {
            return status >= 300 && status < 400 && location != null;
        }

        Document html() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    Browser(HttpClient http) {
        this.http = http;
    }

    Page get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    /** Posts a form as a browser submits it (URL-encoded), the fields in the given order. */
    Page post(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                uri);
    }

    /** Follows redirects from {@code page} as a browser does (a 303 or 302 with GET) until a page answers; fails on anything but 2xx/3xx. */
    Page follow(Page page) throws IOException, InterruptedException {
        for (int hops = 0; page.redirect(); hops++) {
            if (hops == 10) {
                throw new IllegalStateException("more than 10 redirects from " + page.uri());
            }
            page = get(page.uri().resolve(page.location()));
        }
        if (page.status() != 200) {
            throw new IllegalStateException(
                    page.uri() + " answered " + page.status() + ": " + abbreviated(page.body()));
        }
        return page;
    }

    /** The fields of a page's form as its hidden and given inputs carry them (the CSRF token included). */
    static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    private Page send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
        Map<String, List<String>> stored = cookies.get(uri, Map.of());
        stored.forEach((name, values) -> {
            if (!values.isEmpty()) {
                request.header(name, String.join("; ", values));
            }
        });
        HttpResponse<String> response =
                http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        cookies.put(uri, response.headers().map());
        return new Page(
                response.statusCode(),
                uri,
                response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + " ..." : body;
    }
}
