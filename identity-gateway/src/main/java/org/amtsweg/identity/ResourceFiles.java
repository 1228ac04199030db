package org.amtsweg.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a data file named in configuration: a file on disk if one exists there, else a classpath resource. */
public final class ResourceFiles {

    private ResourceFiles() {}

    public static InputStream open(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("neither a file nor a classpath resource: " + name);
        }
        return in;
    }
}
