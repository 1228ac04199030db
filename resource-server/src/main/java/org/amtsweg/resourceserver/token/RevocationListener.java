package org.amtsweg.resourceserver.token;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.events.TokensRevoked;
import org.amtsweg.messaging.consume.EventConsumption;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the identity gateway's revocations from the topic {@code identity} into {@link WithdrawnTokens}.
 * Every instance reads all of them (its own consumer group, from the topic's beginning — an hour of
 * it — at each start), since each instance remembers tokens of its own.
 *
 * <p>Only in a service that sets {@code amtsweg.resource-server.revocations=true} at build time and
 * configures the channel {@code revocations-in}: the gateway, which uses this library too, is where
 * revocations come from.
 */
@ApplicationScoped
@IfBuildProperty(name = "amtsweg.resource-server.revocations", stringValue = "true")
public class RevocationListener {

    private final EventConsumption consumption;
    private final WithdrawnTokens withdrawn;

    public RevocationListener(EventConsumption consumption, WithdrawnTokens withdrawn) {
        this.consumption = consumption;
        this.withdrawn = withdrawn;
    }

    @Incoming("revocations-in")
    public Uni<Void> consume(Message<String> message) {
        return consumption.consume(message, "revocations", event -> {
            if (TokensRevoked.TYPE.equals(event.type())) {
                withdrawn.withdraw(event.data(TokensRevoked.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
