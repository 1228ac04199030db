package org.amtsweg.cases.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.amtsweg.cases.CaseConfig;

/**
 * A SIMULATED resident register (Melderegister) with test data matching the identity gateway's test
 * identities. It stands where a real XMeld adapter goes; configuration can make it unavailable, to
 * show how the case service copes with a register that does not answer.
 */
@ApplicationScoped
@LookupIfProperty(name = "amtsweg.cases.registry.resident-register", stringValue = ResidentRegisterSimulator.SELECTION)
public class ResidentRegisterSimulator implements RegisterAdapter {

    static final String SELECTION = "simulator";

    private final List<JsonNode> residents = new ArrayList<>();
    private final CaseConfig config;

    public ResidentRegisterSimulator(ObjectMapper mapper, CaseConfig config) {
        this.config = config;
        try (InputStream in = getClass().getResourceAsStream("/registry/resident-register.json")) {
            mapper.readTree(in).path("residents").forEach(residents::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated resident register", e);
        }
    }

    /** Real applicants must never be checked against test data: {@code prod} refuses to start with the simulator. */
    static void refuseInProduction(@Observes StartupEvent event, CaseConfig config) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL
                && ConfigUtils.getProfiles().contains("prod");
        if (prod && SELECTION.equals(config.registry().residentRegister())) {
            throw new IllegalStateException(
                    "the prod profile must not check applicants against the resident register simulator; "
                            + "set amtsweg.cases.registry.resident-register to a real register's adapter or to none");
        }
    }

    @Override
    public String register() {
        return "RESIDENT_REGISTER";
    }

    @Override
    public String legalBasis() {
        return "§ 34 Abs. 1 BMG (Datenübermittlung an öffentliche Stellen)";
    }

    @Override
    public Uni<RegisterAnswer> check(RegisterQuery query) {
        if (config.registry().simulatorUnavailable()) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("resident register simulator switched to unavailable"));
        }
        JsonNode resident = residents.stream()
                .filter(entry -> entry.path("givenName").asText().equalsIgnoreCase(query.givenName())
                        && entry.path("familyName").asText().equalsIgnoreCase(query.familyName())
                        && entry.path("birthdate").asText().equals(String.valueOf(query.birthdate())))
                .findFirst()
                .orElse(null);
        if (resident == null) {
            return Uni.createFrom()
                    .item(new RegisterAnswer(
                            RegisterResult.NOT_FOUND,
                            List.of(),
                            Map.of("note", "no person with this name and birth date")));
        }
        List<String> differing = new ArrayList<>();
        compare(differing, "streetAddress", resident.path("streetAddress").asText(), query.streetAddress());
        compare(differing, "postalCode", resident.path("postalCode").asText(), query.postalCode());
        compare(differing, "locality", resident.path("locality").asText(), query.locality());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("municipality", resident.path("municipality").asText());
        details.put("movedInOn", resident.path("movedInOn").asText());
        return Uni.createFrom()
                .item(new RegisterAnswer(
                        differing.isEmpty() ? RegisterResult.MATCH : RegisterResult.MISMATCH, differing, details));
    }

    private static void compare(List<String> differing, String field, String registered, String stated) {
        if (!Objects.equals(normalise(registered), normalise(stated))) {
            differing.add(field);
        }
    }

    private static String normalise(String value) {
        return value == null
                ? null
                : value.trim().replaceAll("\\s+", " ").replace("str.", "straße").toLowerCase(Locale.GERMAN);
    }
}
