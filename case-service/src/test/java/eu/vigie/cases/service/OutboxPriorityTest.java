package eu.vigie.cases.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.ClassifyServiceMock;
import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.cases.client.ConfirmedSignals;
import eu.vigie.cases.client.Notification;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A removal order on its way to notify-service never waits behind slow deliveries of other topics:
 * with classify-service answering every confirmed signal slowly and many of them queued first, the
 * order is delivered while most of them are still waiting.
 */
@QuarkusTest
class OutboxPriorityTest {

    private static final int SLOW_SIGNALS = 24;

    @Inject
    Outbox outbox;

    @AfterEach
    void restore() {
        ClassifyServiceMock.up();
    }

    @Test
    void aRemovalOrderOvertakesSlowMessagesOfOtherTopics() {
        ClassifyServiceMock.server().stubFor(post(urlEqualTo(ClassifyServiceMock.CONFIRMED_SIGNALS_BATCH)).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ClassifyServiceMock.BATCH_TAKEN).withFixedDelay(1500)));
        String tag = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < SLOW_SIGNALS; i++) {
                // Each its own key, as each confirmed case's signals are: all claimable at once.
                outbox.enqueue(LearningLoop.TOPIC, UUID.randomUUID().toString(), new ConfirmedSignals("priority test",
                        List.of(new ConfirmedSignal(SignalType.SHA256, String.format("%064x", i),
                                new ConfirmedSignal.Labels(List.of(Category.INCITEMENT), "priority-test-" + tag,
                                        Tier.DESIGNATED_GROUP), "priority test"))));
            }
        });
        UUID orderId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(RemovalOrderService.ISSUED_TOPIC, orderId.toString(),
                new Notification(orderId, "REMOVAL_ORDER", "examplevideo", "REMOVAL_ORDER", orderId, "GB", null, null,
                        Map.of("test", tag))));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> !NotifyServiceMock.server()
                .findAll(postRequestedFor(urlEqualTo("/api/v1/notifications"))
                        .withRequestBody(matchingJsonPath("$.id", com.github.tomakehurst.wiremock.client.WireMock
                                .equalTo(orderId.toString()))))
                .isEmpty());
        int signalsSent = ClassifyServiceMock.server().findAll(postRequestedFor(urlEqualTo(
                ClassifyServiceMock.CONFIRMED_SIGNALS_BATCH)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                        .containing("priority-test-" + tag))).size();
        // Queued first and claimable first by order of writing, the slow signals would all have gone before it.
        assertTrue(signalsSent < SLOW_SIGNALS / 2, "the order waited for " + signalsSent + " slow signals");
    }
}
