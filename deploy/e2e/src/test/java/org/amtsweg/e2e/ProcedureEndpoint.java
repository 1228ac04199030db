package org.amtsweg.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An authority's specialist procedure as the push handover sees it: an HTTP endpoint that receives
 * deliveries, with the key pair the platform encrypts to and the key pair the procedure signs its
 * acknowledgements with. Only the public halves are ever registered with the platform.
 */
final class ProcedureEndpoint implements AutoCloseable {

    /** One delivery as it arrived: its headers (lower-case names) and its body. */
    record Delivery(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    final RSAKey encryptionKey;
    final RSAKey signingKey;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    ProcedureEndpoint() {
        try {
            encryptionKey = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.ENCRYPTION)
                    .keyID("enc-" + UUID.randomUUID())
                    .generate();
            signingKey = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID("sig-" + UUID.randomUUID())
                    .generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fachverfahren/eingang";
    }

    private void receive(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers, body));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
