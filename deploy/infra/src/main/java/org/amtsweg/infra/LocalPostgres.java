package org.amtsweg.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server (zonky's embedded binaries) for machines that have none, keeping
 * its data in a project-local directory so that a restart resumes with the same data.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> <port> <database>...}. Runs until it is terminated;
 * the shutdown hook stops the server cleanly (a fast shutdown: committed data is kept). When the
 * server itself dies (killed, crashed), this launcher exits too, so that whoever started it sees it
 * gone and can start it again, instead of a launcher that looks alive with nothing listening.
 *
 * <p>Durable by default: zonky's builder starts PostgreSQL with {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} off, so a commit was acknowledged before its WAL reached the disk and a
 * killed server lost acknowledged submissions. Only the test suite, whose data is thrown away after
 * each run, passes {@code -Damtsweg.postgres.durable=false} for speed.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalPostgres <data-dir> <port> [database...]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);

        if (portInUse(port)) {
            System.err.println("PostgreSQL: port " + port
                    + " busy. Stop what listens there, or name a running server with AMTSWEG_PG_HOST.");
            System.exit(3);
        }
        boolean durable = Boolean.parseBoolean(System.getProperty("amtsweg.postgres.durable", "true"));
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        dataDir.getParent().resolve("pg-binaries").toFile())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
        if (Boolean.parseBoolean(System.getenv("AMTSWEG_PG_STATEMENTS"))) {
            // For finding where the database's time goes (deploy/bench/pipeline.sh prints it); costs a little on every
            // statement.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        EmbeddedPostgres postgres = builder.start();

        new DatabaseProvisioner("127.0.0.1", port, "postgres", "").ensure(databases);
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + dataDir + ", "
                + (durable ? "durable: fsync and synchronous commit on" : "NOT durable: fsync off, for tests only")
                + ")");
        watchPostmaster(dataDir);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "postgres-stop"));
        stopped.await();
    }

    /** Exits the launcher once the postmaster named in {@code postmaster.pid} is no longer alive. */
    private static void watchPostmaster(Path dataDir) throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        Thread watcher = new Thread(
                () -> {
                    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.err.println("PostgreSQL (pid " + pid
                            + ") is gone; the launcher exits so that it can be started again.");
                    Runtime.getRuntime().halt(4);
                },
                "postmaster-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
