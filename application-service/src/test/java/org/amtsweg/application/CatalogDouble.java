package org.amtsweg.application;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for catalog-service in intake's own tests: it answers the catalogue's read API over real
 * HTTP with the forms catalog-service really publishes (read from its source tree). Its answers and the client's calls
 * are checked against the OpenAPI document catalog-service's build publishes (catalog.CatalogContractTest); the
 * end-to-end tests run against the real catalogue.
 */
public class CatalogDouble implements QuarkusTestResourceLifecycleManager {

    /** Hagen's name line as the catalogue answers it now; a test may change it, as an administrator would. */
    public static volatile String hagenNameLine = "Stadt Hagen – Der Oberbürgermeister";

    /** Hagen's demo mark: a blue shield with "HA", as catalog-service seeds it. */
    public static final String HAGEN_LOGO =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\" aria-label=\"Stadt Hagen\">"
                    + "<path d=\"M8 6h48v26c0 14-11 22-24 26C19 54 8 46 8 32z\" fill=\"#00599c\"/>"
                    + "<text x=\"32\" y=\"38\" font-family=\"sans-serif\" font-size=\"18\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">HA</text></svg>";

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            // Keys that make the double misbehave, as a catalogue may: refuse the question, or fail.
            if (path.equals("/services/abgelehnt") || path.equals("/services/ausfall")) {
                int status = path.endsWith("abgelehnt") ? 400 : 500;
                request.response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject()
                                .put("status", status)
                                .put("title", "double")
                                .encode());
                return;
            }
            if (path.equals("/authorities/stadt-hagen/logo")) {
                request.response().putHeader("Content-Type", "image/svg+xml").end(HAGEN_LOGO);
                return;
            }
            JsonObject body = switch (path) {
                case "/services/wohngeld" ->
                    service("wohngeld", "Wohngeld digital", "10092", "online", null, "substantial");
                case "/services/ummeldung" -> service("ummeldung", "Ummeldung", null, "online", null, "high");
                case "/services/personalausweis" ->
                    service(
                            "personalausweis",
                            "Personalausweis",
                            "10119",
                            "in-person",
                            "https://www.personalausweisportal.de",
                            "high");
                case "/services/wohngeld/form", "/services/wohngeld/form/versions/1" -> form("wohngeld");
                case "/services/ummeldung/form", "/services/ummeldung/form/versions/1" -> form("ummeldung");
                case "/responsibility" -> responsibility(request.getParam("ags"));
                case "/authorities/stadt-hagen" ->
                    new JsonObject()
                            .put("id", "stadt-hagen")
                            .put("name", "Stadt Hagen")
                            .put(
                                    "branding",
                                    new JsonObject()
                                            .put("primaryColor", "#00599c")
                                            .put("nameLine", hagenNameLine))
                            .put("contact", new JsonObject().put("locality", "Hagen"));
                default -> null;
            };
            if (body == null) {
                request.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject()
                                .put("status", 404)
                                .put("title", "not found")
                                .encode());
            } else {
                request.response().putHeader("Content-Type", "application/json").end(body.encode());
            }
        });
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("catalogue double did not start", e);
        }
        return Map.of("amtsweg.test.catalog-port", String.valueOf(server.actualPort()));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private static JsonObject service(
            String key, String name, String ozgId, String handling, String url, String trustLevel) {
        return new JsonObject()
                .put("key", key)
                .put("name", name)
                .put("ozgId", ozgId)
                .put("leika", new JsonArray())
                .put(
                        "handling",
                        new JsonObject().put("mode", handling).put("url", url).put("note", null))
                .put("minimumTrustLevel", trustLevel)
                .put("registryChecks", new JsonArray().add("RESIDENT_REGISTER"));
    }

    private static JsonObject responsibility(String ags) {
        JsonObject authority = switch (String.valueOf(ags)) {
            case "05914000" ->
                new JsonObject()
                        .put("id", "stadt-hagen")
                        .put("name", "Stadt Hagen")
                        .put("referencePrefix", "HA");
            case "05913000" ->
                new JsonObject()
                        .put("id", "stadt-dortmund")
                        .put("name", "Stadt Dortmund")
                        .put("referencePrefix", "DO");
            default -> null;
        };
        return authority == null
                ? null
                : new JsonObject().put("authority", authority.put("branding", new JsonObject()));
    }

    private static JsonObject form(String service) {
        try {
            Path file = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                    .resolve("catalog-service/src/main/resources/catalog/forms/" + service + ".v1.json");
            if (!Files.exists(file)) {
                file = Path.of("../catalog-service/src/main/resources/catalog/forms/" + service + ".v1.json");
            }
            JsonObject bundled = new JsonObject(Files.readString(file));
            return new JsonObject()
                    .put("service", service)
                    .put("version", bundled.getInteger("version"))
                    .put("schema", bundled.getJsonObject("schema"))
                    .put("presentation", bundled.getJsonObject("presentation"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read catalog-service's form " + service, e);
        }
    }
}
