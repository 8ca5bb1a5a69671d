package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import eu.vigie.cases.ClassifyServiceMock;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.cases.service.LearningLoop;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.SignalType;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A confirmation sends the content's signals to classify-service's CONFIRMED bank, through the outbox. */
@QuarkusTest
class AssessmentLearningLoopTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static RequestPatternBuilder signalsOf(String caseId) {
        return postRequestedFor(urlEqualTo(ClassifyServiceMock.CONFIRMED_SIGNALS_BATCH))
                .withRequestBody(containing("\"source\":\"case:" + caseId + "\""));
    }

    private static int calls(String caseId) {
        return ClassifyServiceMock.server().findAll(signalsOf(caseId)).size();
    }

    /** The signals of the case's one batch call, a parsed NDJSON line each. */
    private static List<JsonNode> sentSignals(String caseId) throws Exception {
        List<LoggedRequest> requests = ClassifyServiceMock.server().findAll(signalsOf(caseId));
        assertEquals(1, requests.size(), "one call for the case's signals");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : requests.get(0).getBodyAsString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aConfirmationSendsTheSignalsOfTheCaseToTheConfirmedBankInOneCallOnce() throws Exception {
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

        await().atMost(Duration.ofSeconds(20)).until(() -> calls(caseId) == 1);
        ClassifyServiceMock.server().verify(1, signalsOf(caseId).withHeader("Authorization", matching("Bearer .+"))
                .withHeader("Content-Type", containing("application/x-ndjson")));
        List<JsonNode> sent = sentSignals(caseId);
        assertEquals(List.of("SHA256:" + key.substring(7), "MD5:" + md5, "PDQ:" + pdq),
                sent.stream().map(s -> s.path("signalType").asText() + ":" + s.path("value").asText()).toList());
        for (JsonNode signal : sent) {
            assertEquals("case:" + caseId, signal.path("source").asText());
            assertEquals("[\"INCITEMENT\",\"THREAT\"]", signal.path("labels").path("categories").toString());
            assertEquals("Example Front", signal.path("labels").path("entity").asText());
            assertEquals("DESIGNATED_GROUP", signal.path("labels").path("tier").asText());
        }
        Thread.sleep(1500);
        assertEquals(1, calls(caseId), "delivered once, not again");
        String details = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath()
                .getString("history.find { it.action == 'CASE_ASSESSED' }.details.confirmedSignals");
        assertEquals("[SHA256:" + key.substring(7) + ", MD5:" + md5 + ", PDQ:" + pdq + "]", details);
    }

    @Test
    void aSignalClassifyRefusesDeadLettersTheMessageWithTheRefusalAndIsNotSentAgain() throws Exception {
        String caseId = eu.vigie.cases.Fixtures.gbCase("DESIGNATED_GROUP", 0.80);
        StubMapping refusal = ClassifyServiceMock.server().stubFor(post(urlEqualTo(ClassifyServiceMock.CONFIRMED_SIGNALS_BATCH))
                .withRequestBody(containing("\"source\":\"case:" + caseId + "\"")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"bank\":\"CONFIRMED\",\"received\":1,\"created\":0,\"existing\":0,\"rejected\":1,"
                                + "\"errors\":[{\"line\":1,\"message\":\"field 'value' is not a SHA-256\"}]}")));
        try {
            assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> !sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '"
                    + caseId + "' AND topic = 'signals.confirmed' AND dead_at IS NOT NULL").toString().equals("0"));
        } finally {
            ClassifyServiceMock.server().removeStub(refusal);
        }
        String error = sql("SELECT last_error FROM outbox_message WHERE aggregate_key = '" + caseId
                + "' AND topic = 'signals.confirmed'").toString();
        assertTrue(error.contains("refused 1 of the 1 signals of case:" + caseId) && error.contains("is not a SHA-256"), error);
        Thread.sleep(1500);
        assertEquals(1, calls(caseId), "a refusal is not retried");
    }

    @Test
    void aSingleSignalMessageWrittenBeforeSignalsWentTogetherIsStillDelivered() {
        String source = "case:" + UUID.randomUUID();
        String value = hex(32);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(LearningLoop.TOPIC, source.substring(5),
                new ConfirmedSignal(SignalType.SHA256, value, new ConfirmedSignal.Labels(List.of(Category.INCITEMENT),
                        "Example Front", Tier.DESIGNATED_GROUP), source)));
        await().atMost(Duration.ofSeconds(20)).until(() -> ClassifyServiceMock.server().findAll(postRequestedFor(
                urlEqualTo(ClassifyServiceMock.CONFIRMED_SIGNALS)).withRequestBody(matchingJsonPath("$.value", equalTo(value)))
                .withRequestBody(matchingJsonPath("$.source", equalTo(source)))).size() == 1);
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
