package org.amtsweg.kubernetes;

import java.nio.file.Path;
import java.util.List;

/** Where the checks find the repository's manifests and services. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("amtsweg.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    /** Every part of the platform with a Deployment of its own: the five services and the portal. */
    static final List<String> SERVICES = List.of(
            "identity-gateway", "catalog-service", "application-service", "case-service", "usage-service", "portal");

    static final List<String> OVERLAYS = List.of("local", "production");

    private Repository() {}
}
