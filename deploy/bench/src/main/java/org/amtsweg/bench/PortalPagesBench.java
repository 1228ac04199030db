package org.amtsweg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Load generator of deploy/bench/portal.sh (a benchmark, not a test): the portal's server-rendered pages
 * under a few dozen concurrent users, each logged in through the gateway's real login page with a session
 * of her own. {@code users} citizens and as many Hagen clerks use the portal at the same time, each walking
 * her part of the journey again and again: a citizen the start page, a search, the Wohngeld page, a form step
 * of her draft, "Meine Anträge" and her mailbox; a clerk her inbox and a case page. After each page a person
 * reads it for a think time drawn around {@code think-ms} (exponentially distributed, at most five times it;
 * 0 clicks on at once, which saturates the machine and measures capacity, not what a person waits). A
 * warm-up of {@code warm-up-s} seconds first (not measured, no think time), then {@code rounds} measured
 * rounds of {@code round-s} seconds each. The floor is measured in the same rounds by the same people: after
 * each walk through her pages each fetches the portal's static style sheet, what the server gives a page
 * that costs nothing to make.
 *
 * <p>People do not all log in in the same second, so their sessions do not all renew their tokens at once: the
 * portal refreshes a session's access token (5 minutes) a minute before it expires, a call to the gateway on
 * that person's next page. Logged in at one moment, all sessions would refresh in the same second, every four
 * minutes, and the pages then being measured would wait for the burst. The users therefore log in one after the
 * other over {@code login-spread-s} seconds (default 240, the refresh interval), so that during the measured
 * rounds a session renews every few seconds, as among real users; each such page carries its refresh.
 *
 * <p>Per page: p50/p90/p99/max latency, requests per second, p99 as a multiple of the floor's p99, and the
 * page's weight — its HTML and every style sheet and script it references, as sent without compression,
 * the authority's logo left out. Any answer other than 200 fails the run (exit 1).
 *
 *   PortalPagesBench portal-url identity-url application-url users round-s rounds warm-up-s think-ms login-spread-s
 */
public final class PortalPagesBench {

    /** Targets of issue 16's Speed clause. */
    private static final double P99_TARGET_MS = 50;

    private static final long WEIGHT_TARGET_BYTES = 100 * 1024;

    /** One page of the journey: who asks it, and its path for the {@code i}-th of them. */
    record Journey(String name, boolean clerk, IntFunction<String> path) {}

    private final List<Browser> citizens;
    private final List<Browser> clerks;
    private final URI portal;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final AtomicInteger wrongAnswers = new AtomicInteger();
    private final long thinkMillis;
    private final List<String> firstWrong = Collections.synchronizedList(new ArrayList<>());

    private PortalPagesBench(URI portal, List<Browser> citizens, List<Browser> clerks, long thinkMillis) {
        this.portal = portal;
        this.thinkMillis = thinkMillis;
        this.citizens = citizens;
        this.clerks = clerks;
    }

    public static void main(String[] args) throws Exception {
        URI portal = URI.create(args[0]);
        String identity = args[1], application = args[2];
        int users = Integer.parseInt(args[3]), roundSeconds = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]), warmUpSeconds = Integer.parseInt(args[6]);
        long thinkMillis = Long.parseLong(args[7]);
        long loginSpreadMillis = Long.parseLong(args[8]) * 1000;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PortalLogins logins = new PortalLogins(http, portal);

        System.out.printf(
                "logging %d citizens (eID) and %d Hagen clerks (password) in through the gateway's login page,"
                        + " one pair after the other over %d s ...%n",
                users, users, loginSpreadMillis / 1000);
        List<Browser> citizens = new ArrayList<>();
        List<Browser> clerks = new ArrayList<>();
        long loginsBegan = System.nanoTime();
        for (int i = 0; i < users; i++) {
            long due = loginsBegan + i * loginSpreadMillis * 1_000_000 / users;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            citizens.add(logins.citizen(i));
            clerks.add(logins.hagenClerk(i));
        }

        // Each citizen's own Wohngeld draft, opened through the portal's form as she opens it.
        List<String> drafts = new ArrayList<>(Collections.nCopies(users, null));
        Parallel.run(users, 8, i -> drafts.set(i, openDraft(citizens.get(i), portal)));
        String caseId = submittedCase(http, identity, application, clerks.get(0), portal);

        List<Journey> pages = List.of(
                new Journey("start page", false, i -> "/"),
                new Journey("search", false, i -> "/?q=Wohngeld"),
                new Journey("service page", false, i -> "/leistungen/wohngeld"),
                new Journey("form step (Wohngeld draft)", false, i -> drafts.get(i)),
                new Journey("Meine Anträge", false, i -> "/antraege"),
                new Journey("mailbox", false, i -> "/postfach"),
                new Journey("clerk's inbox", true, i -> "/sachbearbeitung"),
                new Journey("case page", true, i -> "/sachbearbeitung/vorgaenge/" + caseId));
        Journey floor = new Journey("floor: /static/portal.css", false, i -> "/static/portal.css");

        PortalPagesBench bench = new PortalPagesBench(portal, citizens, clerks, thinkMillis);
        System.out.printf(
                "warm-up: %d s, %d citizens and %d clerks at once, no think time (not measured) ...%n",
                warmUpSeconds, users, users);
        bench.round(pages, floor, warmUpSeconds, false);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("measured round %d of %d: %d s ...%n", round, rounds, roundSeconds);
            bench.round(pages, floor, roundSeconds, true);
        }
        bench.report(pages, floor, users, thinkMillis);
        System.exit(bench.wrongAnswers.get() == 0 ? 0 : 1);
    }

    /**
     * Every citizen and every clerk at once, for {@code seconds}: each walks her pages, then fetches the floor, and
     * again, until the time is up (a walk begun is finished, so each page is asked as often as the others).
     */
    private void round(List<Journey> pages, Journey floor, int seconds, boolean measured) throws InterruptedException {
        Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        for (boolean clerk : new boolean[] {false, true}) {
            List<Browser> browsers = clerk ? clerks : citizens;
            List<Journey> walk = new ArrayList<>(
                    pages.stream().filter(page -> page.clerk() == clerk).toList());
            walk.add(floor);
            for (int i = 0; i < browsers.size(); i++) {
                Browser browser = browsers.get(i);
                int user = i;
                Thread person = new Thread(
                        () -> {
                            try {
                                start.await();
                                // People who began at different moments, not all at once.
                                Thread.sleep(
                                        measured ? ThreadLocalRandom.current().nextLong(thinkMillis + 1) : 0);
                                while (System.nanoTime() < until) {
                                    for (Journey page : walk) {
                                        ask(browser, page, user, millis);
                                        if (measured) {
                                            Thread.sleep(thinkTime());
                                        }
                                    }
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        (clerk ? "clerk-" : "citizen-") + i);
                person.start();
                threads.add(person);
            }
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread person : threads) {
            person.join();
        }
        if (measured) {
            double took = (System.nanoTime() - begin) / 1e9;
            millis.forEach((page, samples) -> {
                this.samples.computeIfAbsent(page, k -> new ArrayList<>()).addAll(samples);
                this.seconds.merge(page, took, Double::sum);
            });
        }
    }

    private void ask(Browser browser, Journey page, int user, Map<String, List<Double>> millis) {
        URI uri = portal.resolve(page.path().apply(user));
        try {
            long begin = System.nanoTime();
            Browser.Page answer = browser.get(uri);
            double took = (System.nanoTime() - begin) / 1e6;
            if (answer.status() != 200) {
                wrong(page.name() + ": " + uri + " answered " + answer.status()
                        + (answer.location() != null ? " -> " + answer.location() : "") + " "
                        + Browser.abbreviated(answer.body()));
            } else {
                millis.computeIfAbsent(page.name(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(took);
            }
        } catch (Exception e) {
            wrong(page.name() + ": " + uri + " failed: " + e);
        }
    }

    /** Exponentially distributed around the mean, at most five times it: how long a person reads before her next click. */
    private long thinkTime() {
        double drawn = -thinkMillis * Math.log(1 - ThreadLocalRandom.current().nextDouble());
        return Math.round(Math.min(drawn, 5.0 * thinkMillis));
    }

    private void wrong(String what) {
        if (wrongAnswers.incrementAndGet() <= 5) {
            firstWrong.add(what);
        }
    }

    private void report(List<Journey> journey, Journey floor, int users, long thinkMillis) throws Exception {
        Percentiles floorLatency = Percentiles.of(samples.getOrDefault(floor.name(), List.of()));
        System.out.printf(
                "%nportal pages, %d citizens and %d clerks at once (closed loop, think time %s; latency in ms;"
                        + " weight = HTML + CSS + JS, logo excluded, uncompressed)%n",
                users, users, thinkMillis == 0 ? "none: the machine saturated" : "about " + thinkMillis + " ms");
        System.out.printf(
                "%-28s %7s %7s %7s %7s %8s %9s %11s%n",
                "page", "p50", "p90", "p99", "max", "req/s", "bytes", "p99/floor");
        List<String> over = new ArrayList<>();
        for (Journey page : journey) {
            List<Double> measured = samples.getOrDefault(page.name(), List.of());
            Percentiles latency = Percentiles.of(measured);
            long weight = weight(page);
            System.out.printf(
                    "%-28s %7.1f %7.1f %7.1f %7.1f %8.0f %9d %10.1fx%n",
                    page.name(),
                    latency.at(50),
                    latency.at(90),
                    latency.at(99),
                    latency.at(100),
                    measured.size() / seconds.getOrDefault(page.name(), Double.NaN),
                    weight,
                    latency.at(99) / floorLatency.at(99));
            if (latency.at(99) >= P99_TARGET_MS) {
                over.add(page.name() + " p99 " + String.format("%.1f", latency.at(99)) + " ms");
            }
            if (weight >= WEIGHT_TARGET_BYTES) {
                over.add(page.name() + " weighs " + weight + " bytes");
            }
        }
        List<Double> floorSamples = samples.getOrDefault(floor.name(), List.of());
        System.out.printf(
                "%-28s %7.1f %7.1f %7.1f %7.1f %8.0f%n",
                floor.name(),
                floorLatency.at(50),
                floorLatency.at(90),
                floorLatency.at(99),
                floorLatency.at(100),
                floorSamples.size() / seconds.getOrDefault(floor.name(), Double.NaN));
        System.out.printf(
                "targets (issue 16): p99 < %.0f ms, a page < %d bytes: %s%n",
                P99_TARGET_MS, WEIGHT_TARGET_BYTES, over.isEmpty() ? "met" : "NOT met — " + String.join(", ", over));
        if (wrongAnswers.get() > 0) {
            System.out.printf(
                    "FAILED: %d answers other than 200, the first: %n  %s%n",
                    wrongAnswers.get(), String.join("\n  ", firstWrong));
        }
    }

    /** The page's HTML and every style sheet and script it references, in bytes; images (the logo) left out. */
    private long weight(Journey page) throws Exception {
        Browser browser = (page.clerk() ? clerks : citizens).get(0);
        Browser.Page html = browser.get(portal.resolve(page.path().apply(0)));
        expect200(html);
        long bytes = html.body().getBytes(StandardCharsets.UTF_8).length;
        Document document = html.html();
        Set<String> referenced = new LinkedHashSet<>();
        document.select("link[rel=stylesheet][href]").forEach(link -> referenced.add(link.absUrl("href")));
        document.select("script[src]").forEach(script -> referenced.add(script.absUrl("src")));
        for (String asset : referenced) {
            Browser.Page answer = browser.get(URI.create(asset));
            expect200(answer);
            bytes += answer.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private void expect200(Browser.Page answer) {
        if (answer.status() != 200) {
            wrong(answer.uri() + " answered " + answer.status() + " while weighing");
        }
    }

    /** Opens a Wohngeld draft through the portal's "Antrag beginnen" form; the path of its first form step. */
    private static String openDraft(Browser citizen, URI portal) throws Exception {
        Browser.Page begin = citizen.follow(citizen.get(portal.resolve("/antraege/neu?leistung=wohngeld")));
        Element form = begin.html().selectFirst("form[action=/antraege/neu]");
        if (form == null) {
            throw new IllegalStateException(
                    "the Wohngeld page offers no form to begin: " + Browser.abbreviated(begin.body()));
        }
        Browser.Page step = citizen.follow(citizen.post(URI.create(form.absUrl("action")), Browser.fields(form)));
        if (!step.uri().getPath().matches("/antraege/[^/]+/schritt/1")) {
            throw new IllegalStateException("beginning a Wohngeld draft ended at " + step.uri());
        }
        return step.uri().getPath();
    }

    /**
     * One Wohngeld application of Erika's submitted through intake's API (not measured) and, once its case
     * reached Hagen's inbox, that case's id as the clerk's inbox links it.
     */
    private static String submittedCase(HttpClient http, String identity, String application, Browser clerk, URI portal)
            throws Exception {
        Login erika = Login.citizen(http, identity);
        String draft = WohngeldDrafts.prepare(http, application, erika, 1).get(0);
        HttpResponse<String> submitted = http.send(
                HttpRequest.newBuilder(URI.create(application + "/applications/" + draft + "/submit"))
                        .header("Authorization", "Bearer " + erika.get())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() >= 300) {
            throw new IllegalStateException(
                    "submitting the case's application answered " + submitted.statusCode() + ": " + submitted.body());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Browser.Page inbox = clerk.follow(clerk.get(portal.resolve("/sachbearbeitung")));
            Element link = inbox.html().selectFirst("a[href^=/sachbearbeitung/vorgaenge/]");
            if (link != null) {
                return link.attr("href").substring("/sachbearbeitung/vorgaenge/".length());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the submitted application's case did not reach Hagen's inbox within a minute");
    }
}
