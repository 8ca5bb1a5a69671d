package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.outboxCount;
import static eu.vigie.cases.Fixtures.referral;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import eu.vigie.cases.ClassifyServiceMock;
import eu.vigie.cases.service.LearningLoop;
import io.quarkus.test.junit.QuarkusTest;

/** A confirmation sends the content's signals to classify-service's CONFIRMED bank, through the outbox. */
@QuarkusTest
class AssessmentLearningLoopTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static RequestPatternBuilder signalsOf(String caseId) {
        return postRequestedFor(urlEqualTo(ClassifyServiceMock.CONFIRMED_SIGNALS))
                .withRequestBody(matchingJsonPath("$.source", equalTo("case:" + caseId)));
    }

    private static int calls(String caseId) {
        return ClassifyServiceMock.server().findAll(signalsOf(caseId)).size();
    }

    @Test
    void aConfirmationSendsEachSignalOfTheCaseToTheConfirmedBankOnce() throws Exception {
        String key = contentKey();
        String md5 = hex(16);
        String pdq = hex(32);
        String body = referral(UUID.randomUUID(), "GB", "CTIRU", key, "DESIGNATED_GROUP", 0.80)
                .replace("\"md5\":null,\"pdq\":null", "\"md5\":\"" + md5 + "\",\"pdq\":\"" + pdq + "\"");
        String caseId = intake(body).statusCode(201).extract().path("caseId");
        // a second referral of the same content carries the same signals: they are sent once
        intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "DESIGNATED_GROUP", 0.80)
                .replace("\"md5\":null,\"pdq\":null", "\"md5\":\"" + md5 + "\",\"pdq\":\"" + pdq + "\""))
                .statusCode(200);
        assertEquals(0, calls(caseId), "nothing is sent before a confirmation");

        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\",\"THREAT\"]")).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> calls(caseId) == 3);
        for (String[] signal : List.of(new String[] { "SHA256", key.substring(7) }, new String[] { "MD5", md5 },
                new String[] { "PDQ", pdq })) {
            ClassifyServiceMock.server().verify(1, signalsOf(caseId)
                    .withHeader("Authorization", matching("Bearer .+"))
                    .withRequestBody(matchingJsonPath("$.signalType", equalTo(signal[0])))
                    .withRequestBody(matchingJsonPath("$.value", equalTo(signal[1])))
                    .withRequestBody(matchingJsonPath("$.labels.categories[0]", equalTo("INCITEMENT")))
                    .withRequestBody(matchingJsonPath("$.labels.categories[1]", equalTo("THREAT")))
                    .withRequestBody(matchingJsonPath("$.labels.entity", equalTo("Example Front")))
                    .withRequestBody(matchingJsonPath("$.labels.tier", equalTo("DESIGNATED_GROUP"))));
        }
        Thread.sleep(1500);
        assertEquals(3, calls(caseId), "delivered once, not again");
        String details = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath()
                .getString("history.find { it.action == 'CASE_ASSESSED' }.details.confirmedSignals");
        assertEquals("[SHA256:" + key.substring(7) + ", MD5:" + md5 + ", PDQ:" + pdq + "]", details);
    }

    @Test
    void aRejectionOrARequestForInformationSendsNothing() throws Exception {
        String rejected = eu.vigie.cases.Fixtures.gbCase("PROMOTIONAL", 0.20);
        assess(GB_REVIEWER, rejected, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        String unclear = eu.vigie.cases.Fixtures.gbCase("PROMOTIONAL", 0.20);
        assess(GB_REVIEWER, unclear, assessment("NEEDS_INFORMATION", "[]")).statusCode(200);
        assertEquals(0, outboxCount(rejected, LearningLoop.TOPIC));
        assertEquals(0, outboxCount(unclear, LearningLoop.TOPIC));
        // the outbox is the only way out, and it is written in the assessment's transaction
        assess(GB_REVIEWER, unclear, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        assertEquals(1, outboxCount(unclear, LearningLoop.TOPIC));
    }

    @Test
    void classifyDownIsRetriedAndTheSignalAddedOnceWhenItIsBack() throws Exception {
        ClassifyServiceMock.down();
        String caseId;
        try {
            caseId = eu.vigie.cases.Fixtures.confirmedGbCase();
            await().atMost(Duration.ofSeconds(20)).until(() -> calls(caseId) >= 2);
        } finally {
            ClassifyServiceMock.up();
        }
        int failed = calls(caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '"
                + caseId + "' AND topic = 'signals.confirmed' AND delivered_at IS NOT NULL").toString().equals("1"));
        Thread.sleep(1500);
        assertEquals(failed + 1, calls(caseId), "exactly one more call, the one that was taken");
        assertEquals("0", sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + caseId
                + "' AND dead_at IS NOT NULL").toString());
    }
}
