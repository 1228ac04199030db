import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Load generator for deploy/bench/intake.sh (a benchmark, not a test), run as a single-file program on
 * the infrastructure launcher's classpath. Prepares complete Wohngeld drafts (not measured), submits
 * a first share of them to warm the platform up (not measured either: on two shared cores the JIT
 * compilers of the service and of the broker need tens of seconds under load before the code is
 * compiled), then submits the rest in rounds with a fixed number in flight and measures each round end
 * to end: from the submit request to ApplicationSubmitted read back from the topic.
 *
 *   IntakeBench <identity-url> <application-url> <bootstrap> <per-round> <in-flight> <rounds> <warm-up>
 */
public class IntakeBench {

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

    public static void main(String[] args) throws Exception {
        String identity = args[0], application = args[1], bootstrap = args[2];
        int count = Integer.parseInt(args[3]), inFlight = Integer.parseInt(args[4]), rounds = Integer.parseInt(args[5]);
        int warmUp = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Supplier<String> token = new Login(http, identity);

        System.out.printf("preparing %d complete drafts ...%n", warmUp + rounds * count);
        List<String> drafts = Collections.synchronizedList(new ArrayList<>());
        run(warmUp + rounds * count, 16, i -> {
            String id = match(send(http, post(application + "/applications", token.get(), "application/json", "{\"service\":\"wohngeld\"}")));
            send(http, HttpRequest.newBuilder(URI.create(application + "/applications/" + id + "/data")).header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(DATA)).build());
            String boundary = "bench" + UUID.randomUUID();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmietbescheinigung\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"miete.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" + RENT_CERTIFICATE + "\r\n--"
                    + boundary + "--\r\n";
            send(http, post(application + "/applications/" + id + "/attachments", token.get(), "multipart/form-data; boundary=" + boundary, body));
            drafts.add(id);
        });


        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        java.util.concurrent.Semaphore arrivals = new java.util.concurrent.Semaphore(0);
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            // Fetches wait up to 10 ms for more records, so that the instrument costs the shared two cores little; that
            // wait is part of the figures measured, which makes them conservative.
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "intake-bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of("applications"));
                while (reading.get()) {
                    if (assigned.getCount() > 0 && !consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                        if (started.containsKey(record.key()) && arrived.putIfAbsent(record.key(), System.nanoTime()) == null) {
                            arrivals.release();
                        }
                    });
                }
            }
        });
        reader.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bench's consumer got no partitions of the topic within 60 s");
        }

        // One client for warm-up and rounds alike, so that every phase finds its connections open.
        io.vertx.core.http.HttpClient client = client(application, inFlight);
        // The rounds follow the warm-up without a pause: an idle service deoptimises code it compiled under load.
        System.out.printf("warming up with %d submissions ...%n", warmUp);
        submitAll(client, token, drafts.subList(0, warmUp), inFlight, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

        System.out.printf("measuring %d rounds of %d submissions with %d in flight ...%n", rounds, count, inFlight);
        for (int round = 1; round <= rounds; round++) {
            List<String> ids = drafts.subList(warmUp + (round - 1) * count, warmUp + round * count);
            Map<String, Long> answered = new ConcurrentHashMap<>();
            long begin = System.nanoTime();
            submitAll(client, token, ids, inFlight, started, answered);
            if (!arrivals.tryAcquire(count, 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not all of round " + round + "'s events arrived within 120 s; see the services' logs");
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double[] responses = ids.stream().mapToDouble(id -> (answered.get(id) - started.get(id)) / 1e6).sorted().toArray();
            double[] latencies = ids.stream().mapToDouble(id -> (arrived.get(id) - started.get(id)) / 1e6).sorted().toArray();
            double[] afterAnswer = ids.stream().mapToDouble(id -> (arrived.get(id) - answered.get(id)) / 1e6).sorted().toArray();
            System.out.printf("round %d: end to end (submit -> ApplicationSubmitted on the topic) %.0f submissions/s, p50 %.1f ms, p99 %.1f ms;"
                            + " submit answered p50 %.1f ms, p99 %.1f ms; on the topic after the answer p50 %.1f ms, p99 %.1f ms%n", round,
                    count / seconds, percentile(latencies, 50), percentile(latencies, 99), percentile(responses, 50), percentile(responses, 99),
                    percentile(afterAnswer, 50), percentile(afterAnswer, 99));
        }
        reading.set(false);
        reader.join();
        System.exit(0);
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[(int) Math.ceil(sorted.length * percent / 100.0) - 1];
    }

    /** A citizen's login; renewed well before the access token expires, since a long run outlasts it. */
    private static final class Login implements Supplier<String> {
        private final HttpClient http;
        private final String identity;
        private String token;
        private long obtainedAt;

        Login(HttpClient http, String identity) {
            this.http = http;
            this.identity = identity;
        }

        @Override
        public synchronized String get() {
            if (token == null || System.nanoTime() - obtainedAt > TimeUnit.MINUTES.toNanos(2)) {
                try {
                    token = token(http, identity);
                } catch (Exception e) {
                    throw new IllegalStateException("login failed", e);
                }
                obtainedAt = System.nanoTime();
            }
            return token;
        }
    }

    /**
     * The measured submissions, from an event-loop client keeping exactly {@code inFlight} requests
     * open on as many kept-alive connections: a thread per request would cost more CPU than the service.
     */
    private static void submitAll(io.vertx.core.http.HttpClient client, Supplier<String> token, List<String> ids, int inFlight,
                                  Map<String, Long> started, Map<String, Long> answered) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(ids.size());
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable[] submitNext = new Runnable[1];
        submitNext[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= ids.size()) {
                return;
            }
            String id = ids.get(index);
            started.put(id, System.nanoTime());
            client.request(io.vertx.core.http.HttpMethod.POST, "/applications/" + id + "/submit")
                    .compose(request -> request.putHeader("Authorization", "Bearer " + token.get()).send())
                    .compose(response -> response.body().map(body -> {
                        if (response.statusCode() >= 300) {
                            failure.compareAndSet(null, id + " answered " + response.statusCode() + ": " + body);
                        }
                        return body;
                    }))
                    .onComplete(result -> {
                        answered.put(id, System.nanoTime());
                        if (result.failed()) {
                            failure.compareAndSet(null, id + ": " + result.cause());
                        }
                        done.countDown();
                        submitNext[0].run();
                    });
        };
        for (int i = 0; i < inFlight; i++) {
            submitNext[0].run();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    /** An event-loop client keeping up to {@code inFlight} kept-alive connections to intake. */
    private static io.vertx.core.http.HttpClient client(String application, int inFlight) {
        URI base = URI.create(application);
        return io.vertx.core.Vertx.vertx().createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setKeepAlive(true).setMaxPoolSize(inFlight));
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} steps on {@code parallel} threads, so that the load generator itself stays cheap. */
    private static void run(int count, int parallel, Step step) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            Thread thread = new Thread(() -> {
                for (int index = next.getAndIncrement(); index < count && failure.get() == null; index = next.getAndIncrement()) {
                    try {
                        step.run(index);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static HttpRequest post(String url, String token, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String match(String body) throws Exception {
        return JSON.readTree(body).get("id").asText();
    }

    private static String token(HttpClient http, String identity) throws Exception {
        String form = "grant_type=password&client_id=amtsweg-cli&username=erika&password=123456&scope="
                + URLEncoder.encode("openid profile address", StandardCharsets.UTF_8);
        String body = send(http, HttpRequest.newBuilder(URI.create(identity + "/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return JSON.readTree(body).get("access_token").asText();
    }
}
