package org.amtsweg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's processes by name: the CPU seconds each has used so far (user + system, from
 * {@code /proc/<pid>/stat}), including its children's, ended or running (PostgreSQL's backends are
 * children of the postmaster), and the memory each holds (PSS: shared pages split between the processes
 * sharing them).
 */
final class Processes {

    /** Clock ticks per second of /proc's figures: 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS = 100.0;

    /** Where {@link #cpuSecondsByRole} counts the parent's own time and that of its children that have exited. */
    private static final String ENDED = "ended, and the postmaster";

    private final Map<String, Long> pids;

    Processes(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** "name=pid,name=pid" */
    static Processes parse(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] parts = pair.split("=", 2);
                pids.put(parts[0], Long.parseLong(parts[1].trim()));
            }
        }
        return new Processes(pids);
    }

    Map<String, Double> cpuSeconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, ofTree(pid)));
        return used;
    }

    /** PSS in MB of each process with its running children (PostgreSQL's backends). */
    Map<String, Long> pssMegabytes() {
        Map<String, Long> held = new LinkedHashMap<>();
        pids.forEach((name, pid) -> held.put(
                name,
                (pssKilobytes(pid)
                                + children(pid).stream()
                                        .mapToLong(Processes::pssKilobytes)
                                        .sum())
                        / 1024));
        return held;
    }

    private static long pssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .sum();
        } catch (Exception gone) {
            return 0;
        }
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && stat(Long.parseLong(name))[4] == parent) {
                    children.add(Long.parseLong(name));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return children;
    }

    /**
     * The CPU seconds of one process's tree split by what each child does, for PostgreSQL: a backend by its database
     * ({@code postgres: user database host state}), an auxiliary process by its title ({@code walwriter},
     * {@code checkpointer}, ...), and under "ended" the children that have exited (autovacuum workers, closed
     * connections) with the parent's own time. Names a process of {@link #parse}'s list.
     */
    Map<String, Double> cpuSecondsByRole(String name) {
        long parent = pids.get(name);
        Map<String, Double> used = new LinkedHashMap<>();
        long[] own = stat(parent);
        used.put(ENDED, (own[0] + own[1] + own[2] + own[3]) / TICKS);
        for (long child : children(parent)) {
            long[] times = stat(child);
            used.merge(role(child), (times[0] + times[1]) / TICKS, Double::sum);
        }
        return used;
    }

    private static String role(long pid) {
        try {
            String[] title = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"))
                    .replace('\0', ' ')
                    .trim()
                    .replaceFirst("^postgres: ", "")
                    .split(" ");
            // A backend: "user database host state"; an auxiliary process: its name, e.g. "autovacuum launcher".
            return title.length >= 3 && title[2].contains("(") ? title[1] : String.join(" ", title);
        } catch (Exception gone) {
            return ENDED;
        }
    }

    private static double ofTree(long pid) {
        long[] own = stat(pid);
        double seconds = (own[0] + own[1] + own[2] + own[3]) / TICKS;
        // Children still running (their own time is not yet in the parent's cutime/cstime).
        for (long child : children(pid)) {
            long[] times = stat(child);
            seconds += (times[0] + times[1]) / TICKS;
        }
        return seconds;
    }

    /** utime, stime, cutime, cstime, ppid of a process; zeros if it has gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: the fields after it are split on
            // spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(fields[11]),
                Long.parseLong(fields[12]),
                Long.parseLong(fields[13]),
                Long.parseLong(fields[14]),
                Long.parseLong(fields[1])
            };
        } catch (Exception gone) {
            return new long[5];
        }
    }
}
