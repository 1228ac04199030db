package org.amtsweg.application.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.amtsweg.application.documents.Letterhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * application-service's view of the catalogue, guarded by timeouts, retries and a circuit breaker:
 * a slow catalogue makes draft creation fail fast with 503, it never hangs a request. Published form
 * versions are immutable, so they are cached for good.
 *
 * <p>Only the catalogue's own failures count for the guards ({@link CatalogFailure}: unreachable,
 * timed out, 5xx). A 404 is an answer; a key that cannot name a service is not even asked about. So
 * no citizen's request, however malformed, can open the breaker for everyone else.
 */
@ApplicationScoped
public class Catalog {

    private final CatalogApi api;
    private final ConcurrentMap<String, JsonNode> forms = new ConcurrentHashMap<>();

    public Catalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    /** The service, or empty if the catalogue does not know it. */
    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            retryOn = {CatalogFailure.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            failOn = {CatalogFailure.class, TimeoutException.class})
    public Uni<Optional<ServiceOffer>> service(String key) {
        if (!ServiceKey.isWellFormed(key)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return guarded(api.service(key)
                .map(node -> Optional.of(offer(node)))
                .onFailure(Catalog::isNotFound)
                .recoverWithItem(Optional.empty()));
    }

    /** The responsible authority, or empty where nobody is responsible. */
    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            retryOn = {CatalogFailure.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            failOn = {CatalogFailure.class, TimeoutException.class})
    public Uni<Optional<ResponsibleAuthority>> responsibility(String service, String ags) {
        if (!ServiceKey.isWellFormed(service) || !Ags.isWellFormed(ags)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return guarded(api.responsibility(service, ags)
                .map(node -> {
                    JsonNode authority = node.get("authority");
                    return Optional.of(new ResponsibleAuthority(
                            authority.get("id").asText(),
                            authority.get("name").asText(),
                            authority.get("referencePrefix").asText(),
                            authority.get("branding")));
                })
                .onFailure(Catalog::isNotFound)
                .recoverWithItem(Optional.empty()));
    }

    /** The current form of a service (to pin a new draft to), or empty if it has none. */
    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            retryOn = {CatalogFailure.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            failOn = {CatalogFailure.class, TimeoutException.class})
    public Uni<Optional<JsonNode>> currentForm(String service) {
        if (!ServiceKey.isWellFormed(service)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return guarded(api.currentForm(service)
                .invoke(form ->
                        forms.putIfAbsent(service + "/" + form.get("version").asInt(), form))
                .map(Optional::of)
                .onFailure(Catalog::isNotFound)
                .recoverWithItem(Optional.empty()));
    }

    /**
     * The authority with its current branding, resolved at run time: receipts and notices show the
     * responsible authority as it presents itself today, never the operator of the central service.
     */
    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            retryOn = {CatalogFailure.class, TimeoutException.class})
    public Uni<JsonNode> authority(String id) {
        return guarded(api.authority(id));
    }

    /** The authority and its logo, for its documents; an authority without a logo (404) has a letterhead without one. */
    public Uni<Letterhead> letterhead(String authorityId) {
        Uni<Optional<String>> logo = api.logo(authorityId)
                .map(Optional::of)
                .onFailure(failure -> failure instanceof WebApplicationException web
                        && web.getResponse().getStatus() == 404)
                .recoverWithItem(Optional.empty());
        return guarded(Uni.combine()
                .all()
                .unis(api.authority(authorityId), logo)
                .asTuple()
                .map(parts -> new Letterhead(parts.getItem1(), parts.getItem2())));
    }

    /** A pinned form version; published versions never change, so a cached one is answered without the guards below. */
    public Uni<JsonNode> form(String service, int version) {
        JsonNode cached = forms.get(service + "/" + version);
        return cached != null ? Uni.createFrom().item(cached) : fetchForm(service, version);
    }

    // Not private: ArC intercepts calls from within the bean through its generated subclass.
    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            retryOn = {CatalogFailure.class, TimeoutException.class})
    Uni<JsonNode> fetchForm(String service, int version) {
        return guarded(api.form(service, version).invoke(form -> forms.putIfAbsent(service + "/" + version, form)));
    }

    /** Failures of a call as the guards and the citizen should see them: the client's exceptions never leave this class. */
    private static <T> Uni<T> guarded(Uni<T> call) {
        return call.onFailure().transform(CatalogFailure::classify);
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web
                && web.getResponse().getStatus() == 404;
    }

    private static ServiceOffer offer(JsonNode node) {
        List<String> leika = new ArrayList<>();
        node.path("leika").forEach(entry -> leika.add(entry.get("leikaId").asText()));
        List<String> checks = new ArrayList<>();
        node.path("registryChecks").forEach(check -> checks.add(check.asText()));
        JsonNode handling = node.path("handling");
        return new ServiceOffer(
                node.get("key").asText(),
                node.get("name").asText(),
                text(node.get("ozgId")),
                leika,
                handling.path("mode").asText(),
                text(handling.get("url")),
                text(handling.get("note")),
                node.get("minimumTrustLevel").asText(),
                checks);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
