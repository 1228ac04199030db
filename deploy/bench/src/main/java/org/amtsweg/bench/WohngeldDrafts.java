package org.amtsweg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Complete Wohngeld drafts of the demo citizen, made through intake's API as a portal makes them (open,
 * fill in, upload the rent certificate), ready to be submitted. Preparing is not measured.
 */
final class WohngeldDrafts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A minimal one-page PDF: intake reads every PDF it stores and refuses what it cannot parse. */
    private static final String RENT_CERTIFICATE = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    private static final String DATA = """
            {"antragsteller":{"vorname":"Erika","familienname":"Mustermann","geburtsdatum":"1964-08-12",
             "anschrift":{"strasse_hausnummer":"Rathausstraße 11","postleitzahl":"58095","ort":"Hagen"},"familienstand":"verheiratet"},
             "wohnung":{"einzugsdatum":"2019-04-01","wohnflaeche_qm":62.5,"anzahl_raeume":3,"bruttokaltmiete_eur":650,
              "heizkosten_in_miete_enthalten":true,"vermieter":{"name":"Hagener Wohnungsbau eG",
              "anschrift":{"strasse_hausnummer":"Bahnhofstraße 1","postleitzahl":"58095","ort":"Hagen"}}},
             "haushalt":{"weitere_mitglieder":[]},"einkommen":{"arten":["rente"],"monatliches_bruttoeinkommen_eur":1450},
             "bankverbindung":{"kontoinhaber":"Erika Mustermann","iban":"DE02120300000000202051"},
             "erklaerungen":{"angaben_wahrheitsgemaess":true,"datenschutzhinweise_gelesen":true}}""";

    private WohngeldDrafts() {}

    /** {@code count} draft ids, in the order they were made. */
    static List<String> prepare(HttpClient http, String application, Supplier<String> citizen, int count)
            throws Exception {
        System.out.printf("preparing %d complete drafts ...%n", count);
        List<String> drafts = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(count, 16, i -> {
            String id = JSON.readTree(send(
                            http,
                            request(application + "/applications", citizen.get())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"wohngeld\"}"))))
                    .get("id")
                    .asText();
            send(
                    http,
                    request(application + "/applications/" + id + "/data", citizen.get())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(DATA)));
            String boundary = "bench" + UUID.randomUUID();
            String body = "--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmietbescheinigung\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"miete.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                    + RENT_CERTIFICATE + "\r\n--" + boundary + "--\r\n";
            send(
                    http,
                    request(application + "/applications/" + id + "/attachments", citizen.get())
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            drafts.add(id);
        });
        return new ArrayList<>(drafts);
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    built.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
