package org.amtsweg.messaging.consume;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.amtsweg.messaging.MessagingConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.eclipse.microprofile.config.Config;

/**
 * How quickly a consumer takes its work up again after its instance restarted or its broker came back, set
 * here once for every consumer of every service (the Kafka connector hands each client's configuration to this
 * customizer before it creates the client).
 *
 * <ul>
 *   <li><b>Static membership</b> where the instance has a stable name ({@link MessagingConfig#instanceId()}):
 *       {@code group.instance.id} is that name plus the consumer's client id (one per consumer, a service may
 *       run several on one channel). A killed instance that starts again under its name takes its partitions
 *       up at once, without a rebalance; as a dynamic member it waited until the group gave up on the dead
 *       one (Kafka's default session timeout, 45 s: cases flowed again half a minute after the restart,
 *       deploy/bench/faults.sh). Without a name the consumers stay dynamic members.</li>
 *   <li>The <b>cooperative sticky assignor</b>: a member joining or leaving moves only the partitions that
 *       must move; the others are consumed on meanwhile, instead of every member giving up all of its
 *       partitions for the length of each rebalance.</li>
 *   <li>A <b>session timeout</b> of {@code amtsweg.messaging.consumers.session-timeout}: how long the partitions
 *       of a member that went silent wait for it — long enough for a restart under the same name, short enough
 *       that a member that never comes back under it (a replaced pod) holds them up only briefly.</li>
 *   <li>A <b>reconnect back-off</b> of at most {@link #RECONNECT_BACKOFF_MAX_MS} ms: the connector's own 10 s kept
 *       consumers away for up to ten seconds after the broker was back (a producer's default is 1 s). Trying a
 *       broker that is away every two seconds costs nothing, and the Kafka client's warning on each try is not
 *       logged ({@code BrokerOutageLog}).</li>
 * </ul>
 *
 * <p>Consumers that keep no position in their group ({@code commit-strategy=ignore}, e.g. the revocation
 * readers with a group of their own per start) get only the reconnect back-off: there is no membership to come back to.
 * What a channel's own configuration sets wins over all of this.
 */
@ApplicationScoped
public class ConsumerResumption implements ClientCustomizer<Map<String, Object>> {

    static final int RECONNECT_BACKOFF_MAX_MS = 2000;

    private final MessagingConfig config;

    public ConsumerResumption(MessagingConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> client) {
        boolean consumer = client.containsKey(ConsumerConfig.GROUP_ID_CONFIG)
                && client.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        boolean keepsPosition = !"ignore"
                .equals(channelConfig
                        .getOptionalValue("commit-strategy", String.class)
                        .orElse(null));
        if (!consumer) {
            return client;
        }
        if (channelConfig
                .getOptionalValue(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, String.class)
                .isEmpty()) {
            client.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, String.valueOf(RECONNECT_BACKOFF_MAX_MS));
        }
        if (!keepsPosition) {
            return client;
        }
        client.putIfAbsent(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        client.putIfAbsent(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                String.valueOf(config.consumers().sessionTimeout().toMillis()));
        config.instanceId()
                .filter(id -> !id.isBlank())
                .ifPresent(id -> client.putIfAbsent(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                        memberName(id, String.valueOf(client.get(ConsumerConfig.CLIENT_ID_CONFIG)))));
        return client;
    }

    /** The instance's name and the consumer's client id, in the characters Kafka allows in a group instance id. */
    static String memberName(String instanceId, String clientId) {
        return (instanceId + "." + clientId).replaceAll("[^a-zA-Z0-9._-]", "-");
    }
}
