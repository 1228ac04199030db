package org.amtsweg.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Complete Wohngeld form data, as a citizen of Hagen would enter it; tests remove or break single fields. */
public final class WohngeldApplication {

    private WohngeldApplication() {}

    public static Map<String, Object> complete() {
        Map<String, Object> data = new HashMap<>();
        data.put(
                "antragsteller",
                Map.of(
                        "vorname",
                        "Erika",
                        "familienname",
                        "Mustermann",
                        "geburtsdatum",
                        "1964-08-12",
                        "anschrift",
                        Map.of("strasse_hausnummer", "Rathausstraße 11", "postleitzahl", "58095", "ort", "Hagen"),
                        "familienstand",
                        "verheiratet",
                        "email",
                        "erika@example.org"));
        data.put(
                "wohnung",
                Map.of(
                        "einzugsdatum",
                        "2019-04-01",
                        "wohnflaeche_qm",
                        62.5,
                        "anzahl_raeume",
                        3,
                        "bruttokaltmiete_eur",
                        650.0,
                        "heizkosten_eur",
                        90.0,
                        "heizkosten_in_miete_enthalten",
                        false,
                        "vermieter",
                        Map.of(
                                "name",
                                "Hagener Wohnungsbau eG",
                                "anschrift",
                                Map.of(
                                        "strasse_hausnummer",
                                        "Bahnhofstraße 1",
                                        "postleitzahl",
                                        "58095",
                                        "ort",
                                        "Hagen"))));
        data.put(
                "haushalt",
                Map.of(
                        "weitere_mitglieder",
                        List.of(Map.of(
                                "vorname",
                                "Hans",
                                "familienname",
                                "Mustermann",
                                "geburtsdatum",
                                "1962-02-01",
                                "verhaeltnis",
                                "ehegatte"))));
        data.put("einkommen", Map.of("arten", List.of("rente"), "monatliches_bruttoeinkommen_eur", 1450.0));
        data.put(
                "bankverbindung",
                new HashMap<>(Map.of("kontoinhaber", "Erika Mustermann", "iban", "DE02 1203 0000 0000 2020 51")));
        data.put("erklaerungen", Map.of("angaben_wahrheitsgemaess", true, "datenschutzhinweise_gelesen", true));
        return data;
    }
}
