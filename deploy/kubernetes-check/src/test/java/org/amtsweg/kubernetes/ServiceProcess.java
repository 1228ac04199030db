package org.amtsweg.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A built service started from its jar as its container starts it: with exactly the environment given (and a
 * {@code PATH}), nothing of the test process's own, its output in {@code <logs>/<service>.log}.
 */
final class ServiceProcess {

    private ServiceProcess() {}

    static Process start(String service, Map<String, String> environment, Path logs) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                Repository.ROOT
                        .resolve(service)
                        .resolve("target/quarkus-app/quarkus-run.jar")
                        .toString());
        Path workingDirectory = Files.createDirectories(logs.resolve(service));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile());
        Map<String, String> processEnvironment = builder.environment();
        String path = processEnvironment.get("PATH");
        processEnvironment.clear();
        processEnvironment.put("PATH", path);
        processEnvironment.putAll(environment);
        return builder.start();
    }
}
