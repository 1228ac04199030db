package org.amtsweg.kubernetes;

import java.nio.file.Path;
import java.util.List;

/** Where the checks find the repository's manifests and services. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("amtsweg.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    /** The services with a Deployment; the portal joins them once its module has landed. */
    static final List<String> SERVICES = List.of("identity-gateway", "catalog-service", "application-service", "case-service");
    static final List<String> OVERLAYS = List.of("local", "production");

    private Repository() {
    }
}
