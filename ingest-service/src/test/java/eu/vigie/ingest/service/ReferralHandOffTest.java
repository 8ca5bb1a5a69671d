package eu.vigie.ingest.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
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
}
