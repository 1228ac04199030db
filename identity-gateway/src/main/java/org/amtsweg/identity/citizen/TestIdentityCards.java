package org.amtsweg.identity.citizen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.ResourceFiles;
import org.amtsweg.identity.assurance.LoginMethod;
import org.jboss.logging.Logger;

/**
 * The eID and ELSTER simulator: a test card set loaded from a file, like the test cards issuers hand
 * out. A SIMULATOR for local use and tests only; in {@code prod} it is switched off and knows nobody.
 */
@Startup
@ApplicationScoped
public class TestIdentityCards {

    private static final Logger LOG = Logger.getLogger(TestIdentityCards.class);

    private final Map<String, TestIdentity> byId;

    public TestIdentityCards(IdentityConfig config, ObjectMapper mapper) {
        if (!config.testIdentities().enabled()) {
            this.byId = Map.of();
            return;
        }
        try (InputStream in = ResourceFiles.open(config.testIdentities().file())) {
            List<TestIdentity> identities = mapper.readValue(in, new TypeReference<>() {});
            this.byId =
                    identities.stream().collect(Collectors.toUnmodifiableMap(TestIdentity::id, Function.identity()));
            LOG.infof("eID simulator active with %d test identities", byId.size());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read test identities " + config.testIdentities().file(), e);
        }
    }

    /** The person whose simulated card or certificate was presented with the right PIN by that method. */
    public Optional<TestIdentity> authenticate(String id, String pin, LoginMethod method) {
        TestIdentity identity = byId.get(id);
        if (identity == null
                || !identity.offers(method)
                || !MessageDigest.isEqual(
                        identity.pin().getBytes(StandardCharsets.UTF_8), pin.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    public Optional<TestIdentity> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<TestIdentity> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(TestIdentity::id))
                .toList();
    }
}
