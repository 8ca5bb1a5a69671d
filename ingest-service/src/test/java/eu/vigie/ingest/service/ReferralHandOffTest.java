package eu.vigie.ingest.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.ingest.Neighbours;
import eu.vigie.ingest.Referral;
import eu.vigie.ingest.ReferralStatus;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReferralHandOffTest {

    @Inject
    ReferralHandOff handOff;

    private static OutboxMessage message(String payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = ReferralService.TOPIC;
        message.aggregateKey = "test";
        message.payload = payload;
        return message;
    }

    private static Referral load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>findById(id));
    }

    @Test
    void relayingTheSameReferralAgainChangesNothing() {
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.gb("gb-referrer", "referrer"))
                .contentType(ContentType.JSON).body("{\"url\":\"https://again.example/" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> load(id).status == ReferralStatus.CASE_OPENED);
        Referral before = load(id);

        handOff.handle(message("{\"referralId\":\"" + id + "\"}"));

        Referral after = load(id);
        assertEquals(ReferralStatus.CASE_OPENED, after.status);
        assertEquals(before.caseId, after.caseId);
        assertEquals(before.caseLinkedAt, after.caseLinkedAt);
        assertEquals(before.classificationScore, after.classificationScore);
    }

    @Test
    void messageOfAnUnknownReferralIsDeadLettered() {
        assertThrows(OutboxRejectedException.class,
                () -> handOff.handle(message("{\"referralId\":\"" + UUID.randomUUID() + "\"}")));
        assertThrows(OutboxRejectedException.class, () -> handOff.handle(message("not json")));
    }

    private static UUID submit(String url) {
        return UUID.fromString(given().auth().oauth2(TestTokens.gb("gb-referrer", "referrer"))
                .contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id"));
    }

    private static OutboxMessage handOffOf(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("aggregateKey",
                referralId.toString()).singleResult());
    }

    private static StubMapping classifyAnswers(int status, String url) {
        return Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/classifications")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.url", WireMock.equalTo(url)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"refused\",\"status\":" + status + "}")));
    }

    @Test
    void aFailedHandOffIsRecordedWithItsErrorAndRetriedUntilDelivered() {
        String url = "https://retried.example/" + UUID.randomUUID();
        StubMapping unavailable = classifyAnswers(503, url);
        try {
            UUID id = submit(url);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handOffOf(id).attempts >= 2);
            OutboxMessage failed = handOffOf(id);
            assertEquals("classify-service answered 503", failed.lastError);
            assertNull(failed.deliveredAt);
            assertNull(failed.deadAt);
            assertTrue(failed.nextAttemptAt.isAfter(failed.createdAt), "the next attempt is backed off");
            Neighbours.server().removeStub(unavailable);
            unavailable = null;

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handOffOf(id).deliveredAt != null);
            OutboxMessage delivered = handOffOf(id);
            assertNull(delivered.lastError);
            assertNull(delivered.deadAt);
            assertNull(delivered.claimedUntil);
            assertTrue(delivered.attempts >= 3, "two failures and the delivery: " + delivered.attempts);
        } finally {
            if (unavailable != null) {
                Neighbours.server().removeStub(unavailable);
            }
        }
    }

    @Test
    void aHandOffClassifyServiceRefusesForGoodIsDeadLetteredAfterOneAttempt() {
        String url = "https://refused.example/" + UUID.randomUUID();
        StubMapping refused = classifyAnswers(422, url);
        try {
            UUID id = submit(url);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handOffOf(id).deadAt != null);
            OutboxMessage dead = handOffOf(id);
            assertEquals(1, dead.attempts);
            assertTrue(dead.lastError.contains("refused referral " + id + " with status 422"), dead.lastError);
            assertNull(dead.deliveredAt);
            assertNull(dead.claimedUntil);
            assertEquals(dead.createdAt, dead.nextAttemptAt, "a dead message keeps its last due time");
        } finally {
            Neighbours.server().removeStub(refused);
        }
    }
}
