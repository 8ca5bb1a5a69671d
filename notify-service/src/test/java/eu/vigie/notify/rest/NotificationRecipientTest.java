package eu.vigie.notify.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.SmtpServer;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;

/** Notifications to authorities (recipientType AUTHORITY) and every notification kind's webhook type and e-mail. */
@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class NotificationRecipientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CASE = TestTokens.service("case-service");

    private static io.restassured.response.ValidatableResponse send(String body) {
        return given().auth().oauth2(CASE).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/notifications").then();
    }

    @Test
    void crossBorderCopyGoesToTheHomeAuthorityByEmail() throws Exception {
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        send(Fixtures.authorityNotification(id, "CROSS_BORDER_COPY", "IE", order))
                .statusCode(202).body("id", equalTo(id.toString())).body("status", equalTo("PENDING"));

        MimeMessage mail = await().atMost(WAIT).until(() -> SmtpServer.messagesTo(WireMockNeighbours.IE_AUTHORITY).stream()
                .filter(m -> SmtpServer.header(m, "Message-ID").contains(id.toString())).toList(), m -> m.size() == 1).get(0);
        assertTrue(mail.getSubject().startsWith("[Vigie] Copy of a cross-border removal order"), mail.getSubject());
        String text = SmtpServer.text(mail);
        assertTrue(text.contains("within 72 hours") && text.contains(order.toString()) && !text.contains("/api/v1/inbox"),
                text);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("EMAIL"))
                .body("items[0].kind", equalTo("CROSS_BORDER_COPY"))
                .body("items[0].recipientType", equalTo("AUTHORITY"))
                .body("items[0].recipient", equalTo("IE"))
                .body("items[0].platformId", nullValue())
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].target", equalTo("mailto:" + WireMockNeighbours.IE_AUTHORITY)));
        assertEquals(0, Fixtures.count("select count(*) from inbox_item where notification_id = '" + id + "'"));
        // A replay is the same notification; nothing more is created.
        send(Fixtures.authorityNotification(id, "CROSS_BORDER_COPY", "IE", order)).statusCode(202);
        assertEquals(1, Fixtures.count("select count(*) from delivery where notification_id = '" + id + "'"));
    }

    @Test
    void breachNoticeGoesToTheRegulator() throws Exception {
        UUID id = UUID.randomUUID();

        send(Fixtures.authorityNotification(id, "BREACH_NOTICE", "IE", UUID.randomUUID())).statusCode(202);

        MimeMessage mail = await().atMost(WAIT).until(() -> SmtpServer.messagesTo(WireMockNeighbours.IE_REGULATOR).stream()
                .filter(m -> SmtpServer.header(m, "Message-ID").contains(id.toString())).toList(), m -> m.size() == 1).get(0);
        assertTrue(mail.getSubject().startsWith("[Vigie] Notice of a removal order not complied with in time"),
                mail.getSubject());
    }

    @Test
    void authorityWithAWebhookGetsItSignedWithItsSecret() {
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        send(Fixtures.authorityNotification(id, "CROSS_BORDER_COPY", "DE", order)).statusCode(202);

        List<LoggedRequest> calls = await().atMost(WAIT).until(() -> WireMockNeighbours.platforms.findAll(
                postRequestedFor(urlEqualTo("/authority/DE"))).stream()
                .filter(r -> id.toString().equals(r.getHeader("webhook-id"))).toList(), c -> c.size() == 1);
        LoggedRequest call = calls.get(0);
        assertTrue(eu.vigie.notify.service.WebhookSignatures.verify(call.getHeader("webhook-signature"), id.toString(),
                call.getHeader("webhook-timestamp"), call.getBodyAsString(), WireMockNeighbours.DE_AUTHORITY_SECRET));
        assertEquals("cross_border_copy.issued", JsonPath.from(call.getBodyAsString()).getString("type"));
        await().atMost(WAIT).until(() -> Fixtures.sql("select status from delivery where notification_id = '" + id + "'"),
                "DELIVERED"::equals);
    }

    @Test
    void withdrawalAndReinstatementGoToThePlatformWithTheirOwnTypes() {
        String platform = Fixtures.uniqueId("withdrawn");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        UUID order = UUID.randomUUID();
        UUID withdrawal = UUID.randomUUID();
        UUID reinstatement = UUID.randomUUID();

        send(kindToPlatform(withdrawal, "WITHDRAWAL", platform, order)).statusCode(202);
        send(kindToPlatform(reinstatement, "REINSTATEMENT", platform, order)).statusCode(202);

        List<LoggedRequest> calls = await().atMost(WAIT).until(() -> WireMockNeighbours.platforms.findAll(
                postRequestedFor(urlEqualTo("/hooks/" + platform))), c -> c.size() == 2);
        assertEquals(List.of("removal_order.withdrawn", "content.reinstatement_required"), calls.stream()
                .sorted((a, b) -> a.getHeader("webhook-id").equals(withdrawal.toString()) ? -1 : 1)
                .map(c -> JsonPath.from(c.getBodyAsString()).getString("type")).toList());
        given().auth().oauth2(TestTokens.platform(platform)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.kind", contains("WITHDRAWAL", "REINSTATEMENT"));
    }

    @Test
    void recipientMustFitTheKindAndNothingIsStoredOtherwise() {
        String platform = Fixtures.uniqueId("misaddressed");
        Fixtures.registerPlatform(platform, null);
        UUID order = UUID.randomUUID();
        UUID[] ids = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID() };

        // A breach notice is for a regulator, not a platform.
        send(kindToPlatform(ids[0], "BREACH_NOTICE", platform, order)).statusCode(422)
                .contentType("application/problem+json");
        // A removal order is for a platform, not an authority.
        send(Fixtures.authorityNotification(ids[1], "REMOVAL_ORDER", "IE", order)).statusCode(422);
        // No contact point is configured for Portugal's authority.
        send(Fixtures.authorityNotification(ids[2], "CROSS_BORDER_COPY", "PT", order)).statusCode(422)
                .contentType("application/problem+json");
        // An authority's jurisdiction is a country code.
        send(Fixtures.authorityNotification(ids[3], "CROSS_BORDER_COPY", "ie", order))
                .statusCode(400).contentType("application/problem+json");
        // platformId and recipient must agree.
        send(kindToPlatform(ids[4], "REMOVAL_ORDER", platform, order)
                .replace("\"platformId\"", "\"recipient\":\"someone-else\",\"platformId\"")).statusCode(400);
        // Neither a platform nor a recipient.
        send(kindToPlatform(ids[5], "REMOVAL_ORDER", platform, order).replace("\"platformId\":\"" + platform + "\",", ""))
                .statusCode(400);
        for (UUID id : ids) {
            assertEquals(0, Fixtures.count("select count(*) from notification where id = '" + id + "'"));
        }
    }

    @Test
    void platformNamedOnAnAuthorityNoticeIsKeptButNotTold() {
        String platform = Fixtures.uniqueId("concerned");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String body = Fixtures.authorityNotification(id, "BREACH_NOTICE", "IE", order)
                .replace("\"recipient\":\"IE\"", "\"recipient\":\"IE\",\"platformId\":\"" + platform + "\"");

        send(body).statusCode(202);
        send(body).statusCode(202);
        send(body.replace(platform, "someone-else")).statusCode(422).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.admin()).queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("EMAIL"))
                .body("items[0].recipientType", equalTo("AUTHORITY"))
                .body("items[0].recipient", equalTo("IE"))
                .body("items[0].platformId", nullValue())
                .body("items[0].platformConcerned", equalTo(platform));
        given().auth().oauth2(TestTokens.platform(platform)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // The platform concerned need not be registered.
        send(Fixtures.authorityNotification(UUID.randomUUID(), "BREACH_NOTICE", "IE", UUID.randomUUID())
                .replace("\"recipient\":\"IE\"", "\"recipient\":\"IE\",\"platformId\":\"unregistered-one\""))
                .statusCode(202);
    }

    @Test
    void platformCanBeNamedAsRecipient() {
        String platform = Fixtures.uniqueId("named");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();

        send(kindToPlatform(id, "SCRUTINY_DECISION", platform, UUID.randomUUID())
                .replace("\"platformId\":\"" + platform + "\"", "\"recipientType\":\"PLATFORM\",\"recipient\":\"" + platform + "\""))
                .statusCode(202);

        assertEquals(platform, Fixtures.sql("select platform_id from notification where id = '" + id + "'"));
        given().auth().oauth2(TestTokens.platform(platform)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.kind", contains("SCRUTINY_DECISION"));
    }

    private static String kindToPlatform(UUID id, String kind, String platform, UUID order) {
        return """
                {"id":"%s","kind":"%s","platformId":"%s","subjectType":"REMOVAL_ORDER","subjectId":"%s","jurisdiction":"GB",
                 "payload":{"removalOrderId":"%s","reference":"CTIRU-2026-W1"}}
                """.formatted(id, kind, platform, order, order);
    }
}
