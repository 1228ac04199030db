package org.amtsweg.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.amtsweg.messaging.audit.AuditTrail;
import org.amtsweg.messaging.outbox.Outbox;
import org.amtsweg.messaging.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

/**
 * The usage service only consumes: it declares no outgoing channel, so the messaging library gives it no outbox and
 * no relay, and it runs no producer but its dead-letter queues' (which are no channels) — its Kafka user may write
 * only its dead-letter topics (deploy/kubernetes-check).
 */
@QuarkusTest
class PublishesNothingTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void thereIsNoRelayNoOutboxAndNoOutgoingChannel() {
        assertThat(Arc.container().instance(OutboxRelay.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(Outbox.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(AuditTrail.class).isAvailable()).isFalse();
        assertThat(kafka.getProducerChannels()).isEmpty();
    }
}
