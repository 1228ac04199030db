package org.amtsweg.kubernetes;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates a rendered object against its schema with unknown fields refused. Kubernetes' own kinds are parsed
 * into fabric8's typed model and Strimzi's into the model of Strimzi's api module, both with Jackson's "any
 * setter" removed (the models would otherwise keep an unknown field quietly as an additional property); the
 * kinds of operators that ship no Java model (CloudNativePG, its Barman Cloud plugin, KEDA) are validated
 * against JSON Schemas of the fields the platform uses, every object closed to others.
 */
final class StrictModels {

    private static final ObjectMapper STRICT = strictMapper();
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    private static final List<String> SCHEMAS = List.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "keda.sh/v1alpha1/ScaledObject",
            "keda.sh/v1alpha1/TriggerAuthentication");

    private StrictModels() {}

    private static ObjectMapper strictMapper() {
        SimpleModule closed = new SimpleModule("closed-models");
        closed.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(
                    DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return new ObjectMapper()
                .registerModule(closed)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** What is wrong with the object: empty when it is valid. */
    static Optional<String> problems(JsonNode object) {
        String type = type(object);
        Class<?> model = MODELS.get(type);
        try {
            if (model != null) {
                STRICT.treeToValue(object, model);
                return Optional.empty();
            }
            if (SCHEMAS.contains(type)) {
                STRICT.treeToValue(object.path("metadata"), ObjectMeta.class);
                List<ValidationMessage> messages =
                        schema(type).validate(object).stream().toList();
                return messages.isEmpty()
                        ? Optional.empty()
                        : Optional.of(messages.stream()
                                .map(ValidationMessage::getMessage)
                                .collect(Collectors.joining("; ")));
            }
            return Optional.of("no schema for " + type + ": an object of a kind this check does not know");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }

    private static JsonSchema schema(String type) throws IOException {
        String[] parts = type.split("/");
        String file = "/crd-schemas/" + parts[0] + "_" + parts[1] + "_" + parts[2] + ".json";
        try (InputStream in = StrictModels.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(in));
        }
    }
}
