package eu.vigie.notify.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.SmtpServer;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class EmailDeliveryHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void platformWithoutWebhookGetsTheOrderByEmailInItsLanguages() throws Exception {
        String platform = Fixtures.uniqueId("mailed");
        String address = "abuse@" + platform + ".test";
        Fixtures.registerEmailPlatform(platform, address, "[\"fr\",\"en\",\"de\"]");
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, order, "GB");

        List<MimeMessage> mails = await().atMost(WAIT).until(() -> SmtpServer.messagesTo(address), m -> m.size() == 1);
        MimeMessage mail = mails.get(0);
        assertEquals("<" + id + "@notify.vigie.invalid>", SmtpServer.header(mail, "Message-ID"));
        String reference = "CTIRU-2026-" + id.toString().substring(0, 4);
        assertTrue(mail.getSubject().startsWith("[Vigie] Injonction de retrait"), mail.getSubject());
        assertTrue(mail.getSubject().endsWith(reference), mail.getSubject());
        String text = SmtpServer.text(mail);
        String item = Fixtures.sql("select id from inbox_item where notification_id = '" + id + "'").toString();
        for (String expected : List.of("Injonction de retrait", "dans l'heure suivant la réception",
                "Removal order (Art. 3 Regulation (EU) 2021/784)", "within one hour of receipt", "this e-mail is not a receipt",
                reference, "https://video.example/watch?v=1", "POST https://notify.vigie.test/api/v1/inbox/" + item + "/ack",
                "POST https://notify.vigie.test/api/v1/removal-orders/" + order + "/feedback",
                "/api/v1/removal-orders/" + order + "/scrutiny-requests", "\"categories\"")) {
            assertTrue(text.contains(expected), "missing " + expected + " in\n" + text);
        }
        assertTrue(text.indexOf("Injonction de retrait") < text.indexOf("Removal order (Art. 3"), "French first, as listed");

        // Sent, never received: the e-mail is not a receipt, and the record says so.
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "EMAIL"))
                .body("items[1].status", equalTo("SENT"))
                .body("items[1].target", equalTo("mailto:" + address))
                .body("items[1].sentAt", notNullValue())
                .body("items[1].receivedAt", nullValue())
                .body("items[1].messageId", equalTo("<" + id + "@notify.vigie.invalid>"))
                .body("items[1].note", startsWith("E-mail is not a receipt"))
                .body("items[1].attempts.size()", equalTo(1))
                .body("items[1].attempts[0].target", equalTo("mailto:" + address))
                .body("items[1].attempts[0].statusCode", nullValue())
                .body("items[1].attempts[0].error", nullValue())
                .body("items[1].attempts[0].latencyMs", greaterThanOrEqualTo(0))
                .body("items[0].receivedAt", nullValue()));
        await().atMost(WAIT).until(() -> events(order), e -> e.stream().anyMatch(j -> j.getString("channel").equals("EMAIL")));
        assertFalse(events(order).stream().anyMatch(e -> e.getString("type").equals("RECEIVED")));

        // The clock starts with the inbox acknowledgement.
        given().auth().oauth2(TestTokens.platform(platform)).when().post("/api/v1/inbox/" + item + "/ack")
                .then().statusCode(200);
        List<JsonPath> events = await().atMost(WAIT).until(() -> events(order),
                e -> e.stream().anyMatch(j -> j.getString("type").equals("RECEIVED")));
        assertEquals("INBOX", events.stream().filter(j -> j.getString("type").equals("RECEIVED")).findFirst().orElseThrow()
                .getString("channel"));
    }

    @Test
    void englishIsUsedWhenThePlatformAcceptsNeitherLanguage() throws Exception {
        String platform = Fixtures.uniqueId("german");
        String address = "abuse@" + platform + ".test";
        Fixtures.registerEmailPlatform(platform, address, "[\"de\"]");
        UUID id = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB");

        MimeMessage mail = await().atMost(WAIT).until(() -> SmtpServer.messagesTo(address), m -> m.size() == 1).get(0);
        assertTrue(mail.getSubject().startsWith("[Vigie] Removal order"), mail.getSubject());
        assertFalse(SmtpServer.text(mail).contains("Injonction"));
    }

    @Test
    void mailServerDownIsRetriedAndNothingIsLost() throws Exception {
        String platform = Fixtures.uniqueId("mailretry");
        String address = "abuse@" + platform + ".test";
        Fixtures.registerEmailPlatform(platform, address, "[\"en\"]");
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        SmtpServer.stop();
        try {
            Fixtures.notifyOrder(id, platform, order, "GB");
            await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from delivery_attempt a join delivery d"
                    + " on d.id = a.delivery_id where d.channel = 'EMAIL' and d.notification_id = '" + id
                    + "' and a.error is not null") >= 2);
            assertEquals("PENDING", Fixtures.sql("select status from delivery where channel = 'EMAIL'"
                    + " and notification_id = '" + id + "'"));
        } finally {
            SmtpServer.restart();
        }
        List<MimeMessage> mails = await().atMost(WAIT).until(() -> SmtpServer.messagesTo(address), m -> !m.isEmpty());
        assertEquals(1, mails.size());
        assertEquals("<" + id + "@notify.vigie.invalid>", SmtpServer.header(mails.get(0), "Message-ID"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "SENT")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("EMAIL"))
                .body("items[0].attempts[0].error", startsWith("SMTP"))
                .body("items[0].attempts[-1].error", nullValue()));
    }

    static List<JsonPath> events(UUID order) {
        return WebhookDeliveryHandlerTest.deliveryEvents(order);
    }
}
