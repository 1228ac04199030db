package org.amtsweg.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services and the portal, started from their built jars by the same script the README's platform command
 * uses, on their own ports, against the test run's Kafka broker and PostgreSQL server.
 */
final class Platform {

    static final Path ROOT = Path.of(System.getProperty("amtsweg.root", "../.."))
            .toAbsolutePath()
            .normalize();
    /** The first of the platform's ports; AMTSWEG_E2E_PORT_BASE moves them all, so that two runs can share a machine. */
    private static final int BASE = Integer.parseInt(System.getenv().getOrDefault("AMTSWEG_E2E_PORT_BASE", "18080"));

    static final int IDENTITY = BASE;
    static final int CATALOG = BASE + 1;
    static final int APPLICATION = BASE + 2;
    static final int CASE = BASE + 3;
    static final int PORTAL = BASE + 4;
    static final int USAGE = BASE + 5;
    /** A second identity gateway, the upstream provider the platform's gateway delegates logins to. */
    static final int UPSTREAM = BASE + 10;

    static final String FEDERATION_SECRET = "e2e-federation-secret";
    static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("AMTSWEG_TEST_KAFKA_PORT", "19092");
    /** The test run's database server, as JDBC sees it; the services' databases are named under it. */
    static final String DATABASE_SERVER =
            "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("AMTSWEG_TEST_PG_PORT", "15432") + "/";
    /** Where services.sh keeps the platform's pid files and logs. */
    static final Path RUN_DIR = ROOT.resolve("deploy/e2e/target/e2e-run");

    private Platform() {}

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    static void start() {
        run("start");
    }

    /** Starts the named services again (one that was killed, say), as platform.sh's supervisor does. */
    static void start(String... services) {
        List<String> command = new ArrayList<>(List.of("start"));
        command.addAll(List.of(services));
        run(command.toArray(String[]::new));
    }

    static void stop() {
        run("stop");
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>(
                List.of("bash", ROOT.resolve("deploy/local/services.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("AMTSWEG_RUN_DIR", RUN_DIR.toString());
        env.put("AMTSWEG_IDENTITY_PORT", String.valueOf(IDENTITY));
        env.put("AMTSWEG_CATALOG_PORT", String.valueOf(CATALOG));
        env.put("AMTSWEG_APPLICATION_PORT", String.valueOf(APPLICATION));
        env.put("AMTSWEG_CASE_PORT", String.valueOf(CASE));
        env.put("AMTSWEG_PORTAL_PORT", String.valueOf(PORTAL));
        env.put("AMTSWEG_USAGE_PORT", String.valueOf(USAGE));
        env.put("AMTSWEG_KAFKA", KAFKA);
        env.putIfAbsent("AMTSWEG_PG_PORT", System.getenv().getOrDefault("AMTSWEG_TEST_PG_PORT", "15432"));
        env.put("AMTSWEG_UPSTREAM_ENABLED", "true");
        env.put("AMTSWEG_UPSTREAM_ISSUER", url(UPSTREAM));
        env.put("AMTSWEG_UPSTREAM_CLIENT_ID", "downstream-gateway");
        env.put("AMTSWEG_UPSTREAM_CLIENT_SECRET", FEDERATION_SECRET);
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "services.sh " + String.join(" ", arguments) + " failed; logs in deploy/e2e/target/e2e-run/");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run services.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
