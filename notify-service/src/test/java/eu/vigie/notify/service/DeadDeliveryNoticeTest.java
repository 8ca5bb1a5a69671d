package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.SmtpServer;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class DeadDeliveryNoticeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry metrics;

    @Test
    void webhookFailingForMoreThanDeadAfterIsDeadAndOperatorsAreTold() throws Exception {
        String platform = Fixtures.uniqueId("outage");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform)).willReturn(aResponse().withStatus(503)));
        double before = deadCount("WEBHOOK");
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, order, "GB");
        await().atMost(WAIT).until(() -> attempts(id) >= 1);
        assertEquals("PENDING", Fixtures.sql("select status from delivery where channel = 'WEBHOOK' and notification_id = '"
                + id + "'"), "one failure does not give up");
        // As if the platform had been failing for longer than vigie.outbox.dead-after (seven days here).
        assertEquals(1, Fixtures.update("update outbox_message set created_at = now() - interval '8 days'"
                + " where aggregate_key = 'webhook:" + id + "'"));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "DEAD")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("WEBHOOK"))
                .body("items[0].deadAt", notNullValue()));
        String delivery = Fixtures.sql("select id from delivery where channel = 'WEBHOOK' and notification_id = '" + id + "'")
                .toString();
        List<MimeMessage> notices = await().atMost(WAIT).until(
                () -> SmtpServer.messagesTo(WireMockNeighbours.OPERATORS).stream()
                        .filter(m -> SmtpServer.text(m).contains(delivery)).toList(),
                m -> !m.isEmpty());
        assertEquals(1, notices.size());
        MimeMessage notice = notices.get(0);
        assertTrue(notice.getSubject().startsWith("[Vigie] Delivery given up: REMOVAL_ORDER to PLATFORM " + platform),
                notice.getSubject());
        String text = SmtpServer.text(notice);
        assertTrue(text.contains("WEBHOOK") && text.contains(id.toString()) && text.contains("HTTP 503"), text);
        assertTrue(deadCount("WEBHOOK") >= before + 1, "the counter vigie.notify.deliveries.dead counts it");
        // The inbox still serves the platform.
        given().auth().oauth2(TestTokens.platform(platform)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.notificationId", contains(id.toString()));
    }

    @Test
    void emailGivenUpIsDeadAndTheOperatorsNoticeWaitsForTheMailServer() throws Exception {
        String platform = Fixtures.uniqueId("mailgone");
        String address = "abuse@" + platform + ".test";
        Fixtures.registerEmailPlatform(platform, address, "[\"en\"]");
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String delivery;
        SmtpServer.stop();
        try {
            Fixtures.notifyOrder(id, platform, order, "GB");
            await().atMost(WAIT).until(() -> attempts(id) >= 1);
            assertEquals(1, Fixtures.update("update outbox_message set created_at = now() - interval '8 days'"
                    + " where aggregate_key = 'email:" + id + "'"));
            await().atMost(WAIT).until(() -> Fixtures.sql("select status from delivery where channel = 'EMAIL'"
                    + " and notification_id = '" + id + "'"), "DEAD"::equals);
            delivery = Fixtures.sql("select id from delivery where channel = 'EMAIL' and notification_id = '" + id + "'")
                    .toString();
            // The notice to the operators cannot go either: it is retried, not lost.
            await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from outbox_message where topic = "
                    + "'operator.notice' and aggregate_key = '" + delivery + "' and attempts >= 1"
                    + " and delivered_at is null and dead_at is null") == 1);
        } finally {
            SmtpServer.restart();
        }
        MimeMessage notice = await().atMost(WAIT).until(
                () -> SmtpServer.messagesTo(WireMockNeighbours.OPERATORS).stream()
                        .filter(m -> SmtpServer.text(m).contains(delivery)).toList(),
                m -> m.size() == 1).get(0);
        assertTrue(SmtpServer.text(notice).contains("mailto:" + address), SmtpServer.text(notice));
        assertTrue(SmtpServer.messagesTo(address).isEmpty(), "a dead delivery is not sent any more");
    }

    @Test
    void deadAfterShorterThanTwentyFourHoursIsRefused() {
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DeadLetterPolicy.check(Duration.ofHours(23).plusMinutes(59)));
        assertTrue(refused.getMessage().contains("vigie.outbox.dead-after"), refused.getMessage());
        DeadLetterPolicy.check(Duration.ofHours(24));
        DeadLetterPolicy.check(Duration.ofDays(7));
    }

    private double deadCount(String channel) {
        return metrics.find("vigie.notify.deliveries.dead").tag("channel", channel).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static long attempts(UUID notification) {
        return Fixtures.count("select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id"
                + " where d.notification_id = '" + notification + "'");
    }
}
