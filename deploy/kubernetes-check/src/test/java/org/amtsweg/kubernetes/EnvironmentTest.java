package org.amtsweg.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The environment each Deployment gives matches what its service reads: every variable read without a default is
 * set, every variable set is read (a misspelt key would be set and ignored), and every secret comes from a Secret.
 */
class EnvironmentTest {

    /** Names that carry a secret: never a ConfigMap's value, never a literal in a manifest. */
    private static final Pattern SECRET = Pattern.compile(".*(SECRET|PASSWORD|MASTER_KEY|CSRF_KEY|JAAS).*");
    /** Read by the runtime rather than by a line of application.properties: Quarkus, MicroProfile, the JVM. */
    private static final Pattern RUNTIME =
            Pattern.compile("QUARKUS_.+|MP_MESSAGING_.+|JAVA_TOOL_OPTIONS|KUBERNETES_NAMESPACE");

    static Stream<ServiceDeployment> deployments() {
        return DeploymentInvariantsTest.deployments();
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyVariableTheServiceReadsWithoutDefaultIsSet(ServiceDeployment deployment) {
        ServiceConfiguration configuration = ServiceConfiguration.of(deployment.service());
        assertThat(deployment.environment().keySet())
                .as("%s in profiles %s", deployment.service(), deployment.profiles())
                .containsAll(configuration.requiredEnvironment(deployment.profiles()));
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyVariableOfItsOwnIsReadByTheService(ServiceDeployment deployment) {
        ServiceConfiguration configuration = ServiceConfiguration.of(deployment.service());
        Map<String, String> platform = deployment.overlay().configMap("amtsweg-platform");
        Set<String> own = new TreeSet<>(deployment.environment().keySet());
        own.removeAll(platform.keySet());
        own.removeIf(name -> RUNTIME.matcher(name).matches());
        assertThat(configuration.readEnvironment())
                .as("variables of %s that it reads", deployment.service())
                .containsAll(own);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everySharedVariableIsReadBySomeService(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> read = new TreeSet<>();
        Repository.SERVICES.forEach(
                service -> read.addAll(ServiceConfiguration.of(service).readEnvironment()));
        Set<String> shared =
                new TreeSet<>(rendered.configMap("amtsweg-platform").keySet());
        shared.removeIf(name -> RUNTIME.matcher(name).matches());
        assertThat(read).containsAll(shared);
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void secretsComeFromSecretsOnly(ServiceDeployment deployment) {
        deployment.environment().forEach((name, value) -> {
            if (SECRET.matcher(name).matches()) {
                assertThat(value).as("%s of %s", name, deployment.service()).startsWith("secret:");
            }
        });
        deployment.overlay().ofKind("Secret").forEach(secret -> {
            throw new AssertionError("a Secret in the manifests: "
                    + secret.path("metadata").path("name").asText());
        });
    }
}
