package org.amtsweg.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.amtsweg.events.testing.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The published schemas, examples and records agree with each other. */
class EventContractsTest {

    static final List<String> TYPES = EventContracts.TYPES;

    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry(DraftStarted.TYPE, DraftStarted.class),
            Map.entry(DocumentStored.TYPE, DocumentStored.class),
            Map.entry(DocumentRemoved.TYPE, DocumentRemoved.class),
            Map.entry(ApplicationSubmitted.TYPE, ApplicationSubmitted.class),
            Map.entry(ApplicationSupplemented.TYPE, ApplicationSupplemented.class),
            Map.entry(CaseOpened.TYPE, CaseOpened.class),
            Map.entry(RegistryCheckCompleted.TYPE, RegistryCheckCompleted.class),
            Map.entry(CaseStatusChanged.TYPE, CaseStatusChanged.class),
            Map.entry(InformationRequested.TYPE, InformationRequested.class),
            Map.entry(DecisionIssued.TYPE, DecisionIssued.class),
            Map.entry(CatalogChanged.TYPE, CatalogChanged.class),
            Map.entry(TokensRevoked.TYPE, TokensRevoked.class),
            Map.entry(AdministrativeChange.TYPE, AdministrativeChange.class));

    @ParameterizedTest
    @FieldSource("TYPES")
    void exampleConformsToItsSchema(String type) {
        assertThat(EventContracts.violations(type, EventContracts.example(type)))
                .isEmpty();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void exampleSurvivesTheRoundTripThroughItsRecord(String type) {
        Object event = EventContracts.example(type, RECORDS.get(type));
        assertThat(EventContracts.violationsOf(type, event)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void schemaRejectsAnEmptyEvent(String type) {
        assertThat(EventContracts.violations(type, "{}")).isNotEmpty();
    }

    @Test
    void schemaRejectsAMalformedReferenceNumber() {
        String bad = EventContracts.example(ApplicationSubmitted.TYPE).replace("HA-2026-000123", "Hagen 123");
        assertThat(EventContracts.violations(ApplicationSubmitted.TYPE, bad))
                .anySatisfy(message -> assertThat(message).contains("referenceNumber"));
    }
}
