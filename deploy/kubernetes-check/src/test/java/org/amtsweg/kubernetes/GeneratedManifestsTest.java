package org.amtsweg.kubernetes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base's generated Deployment and Service of each service are what quarkus-kubernetes generates from the
 * service's current build: a changed port, probe, secret or resource in the build cannot drift from the manifests.
 */
class GeneratedManifestsTest {

    static final java.util.List<String> SERVICES = Repository.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theBaseHoldsWhatTheBuildGenerates(String service) throws IOException {
        Path generated = Repository.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(generated).as("%s's build output (build the services first: ./mvnw package)", service).exists();
        Path copy = Repository.KUBERNETES.resolve("base").resolve(service).resolve("generated.yml");
        assertThat(RenderedOverlay.parse(Files.readString(copy)))
                .as("deploy/kubernetes/base/%s/generated.yml is stale: run deploy/kubernetes/generate.sh", service)
                .isEqualTo(RenderedOverlay.parse(Files.readString(generated)));
    }
}
