package org.amtsweg.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's application.properties as the service reads it in given profiles: the value of each key in the
 * profile of highest priority (the last one named, as Quarkus orders them), else the key without profile.
 * Beneath it, the defaults the shared libraries the service depends on bring along (their
 * {@code META-INF/microprofile-config.properties}, which the service's own lines override).
 */
final class ServiceConfiguration {

    /** An environment variable in a property expression; a ':' after the name gives it a default. */
    private static final Pattern ENVIRONMENT_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    /** The channel the messaging library's OutboxRelay publishes every outbox row through. */
    static final String RELAY_CHANNEL = "events-out";

    private final String service;
    private final Properties lines;

    private ServiceConfiguration(String service, Properties lines) {
        this.service = service;
        this.lines = lines;
    }

    /** The shared modules whose configuration defaults a service gets by depending on them. */
    private static final List<String> LIBRARIES = List.of("messaging");

    static ServiceConfiguration of(String service) {
        Properties properties = new Properties();
        try {
            String pom = Files.readString(Repository.ROOT.resolve(service).resolve("pom.xml"));
            for (String library : LIBRARIES) {
                Path defaults = Repository.ROOT
                        .resolve(library)
                        .resolve("src/main/resources/META-INF/microprofile-config.properties");
                if (pom.contains("<artifactId>" + library + "</artifactId>") && Files.exists(defaults)) {
                    load(defaults, properties);
                }
            }
            load(Repository.ROOT.resolve(service).resolve("src/main/resources/application.properties"), properties);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + service + "'s configuration", e);
        }
        return new ServiceConfiguration(service, properties);
    }

    private static void load(Path file, Properties into) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            into.load(reader);
        }
    }

    String service() {
        return service;
    }

    Map<String, String> effective(List<String> profiles) {
        Map<String, String> effective = new TreeMap<>();
        lines.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> effective.put(key, lines.getProperty(key)));
        for (String profile : profiles) {
            String prefix = "%" + profile + ".";
            lines.stringPropertyNames().stream()
                    .filter(key -> key.startsWith(prefix))
                    .forEach(key -> effective.put(key.substring(prefix.length()), lines.getProperty(key)));
        }
        return effective;
    }

    /** Whether the service keeps data of its own (the portal keeps none: sessions only). */
    boolean hasDatabase() {
        return lines.stringPropertyNames().contains("quarkus.datasource.db-kind");
    }

    /** The environment variables these profiles read without a default: the service cannot start without them. */
    Set<String> requiredEnvironment(List<String> profiles) {
        Set<String> required = new TreeSet<>();
        effective(profiles).values().forEach(value -> references(value, true, required));
        return required;
    }

    /** Every environment variable any line of the file reads, in any profile. */
    Set<String> readEnvironment() {
        Set<String> read = new TreeSet<>();
        lines.stringPropertyNames().forEach(key -> references(lines.getProperty(key), false, read));
        return read;
    }

    private static void references(String value, boolean requiredOnly, Set<String> into) {
        Matcher matcher = ENVIRONMENT_REFERENCE.matcher(value);
        while (matcher.find()) {
            if (!requiredOnly || matcher.group(2).isEmpty()) {
                into.add(matcher.group(1));
            }
        }
    }

    /** Channel name to topic, for the incoming or outgoing channels. */
    Map<String, String> channels(List<String> profiles, String direction) {
        Map<String, String> channels = new TreeMap<>();
        effective(profiles).forEach((key, value) -> {
            Matcher matcher = CHANNEL_TOPIC.matcher(key);
            if (matcher.matches() && matcher.group(1).equals(direction)) {
                channels.put(matcher.group(2), value);
            }
        });
        return channels;
    }

    /**
     * The topics the service really writes events to (dead letters aside): those of its enabled outgoing channels — the
     * messaging library's relay publishes through {@code events-out} — and, where that relay runs, the topics its
     * disabled outgoing channels declare: the relay sends each outbox row to the topic the row names, and such a channel
     * (no producer of its own) names a further one, e.g. {@code administration} for the audit trail. A disabled channel
     * in a service without a relay writes nothing, so it counts for nothing.
     */
    Set<String> writtenTopics(List<String> profiles) {
        Map<String, String> effective = effective(profiles);
        boolean relay = effective.containsKey("mp.messaging.outgoing." + RELAY_CHANNEL + ".connector");
        Set<String> written = new TreeSet<>();
        channels(profiles, "outgoing").forEach((channel, topic) -> {
            boolean enabled = !"false".equals(effective.get("mp.messaging.outgoing." + channel + ".enabled"));
            if (enabled || relay) {
                written.add(topic);
            }
        });
        return written;
    }

    /** Whether the messaging library's outbox relay runs in the service: it configures the relay's channel. */
    boolean hasOutboxRelay(List<String> profiles) {
        return effective(profiles).containsKey("mp.messaging.outgoing." + RELAY_CHANNEL + ".connector");
    }

    /** Incoming channel name to its dead-letter topic. */
    Map<String, String> deadLetterTopics(List<String> profiles) {
        Map<String, String> topics = new HashMap<>();
        effective(profiles).forEach((key, value) -> {
            Matcher matcher = DEAD_LETTER_TOPIC.matcher(key);
            if (matcher.matches()) {
                topics.put(matcher.group(1), value);
            }
        });
        return topics;
    }

    String groupId(List<String> profiles, String channel) {
        return effective(profiles).get("mp.messaging.incoming." + channel + ".group.id");
    }

    /** Consumers of a channel in one pod: the environment (as MicroProfile Config maps it) over the file, default 1. */
    int concurrency(List<String> profiles, String channel, Map<String, String> environment) {
        String key = "mp.messaging.incoming." + channel + ".concurrency";
        String fromEnvironment = environment.get(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        return Integer.parseInt(
                fromEnvironment != null ? fromEnvironment : effective(profiles).getOrDefault(key, "1"));
    }
}
