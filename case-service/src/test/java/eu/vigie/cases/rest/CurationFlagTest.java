package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.referral;
import static eu.vigie.cases.Fixtures.sql;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import eu.vigie.cases.ClassifyServiceMock;
import io.quarkus.test.junit.QuarkusTest;

/** NOT_TERRORIST_CONTENT on content whose classification had hash matches flags each matched signal for a curator. */
@QuarkusTest
class CurationFlagTest {

    @AfterEach
    void restore() {
        ClassifyServiceMock.up();
    }

    /** A GB case whose classification matched {@code confirmed} in CONFIRMED and {@code trusted} in TRUSTED_PARTNER. */
    private static String caseWithMatches(UUID confirmed, UUID trusted) {
        String matches = """
                "matches":[{"bank":"CONFIRMED","signalId":"%s","signalType":"SHA256","value":"x","distance":0,"labels":{}},
                 {"bank":"TRUSTED_PARTNER","signalId":"%s","signalType":"PDQ","value":"y","distance":12,"labels":{}},
                 {"bank":"CONFIRMED","signalId":"%s","signalType":"MD5","value":"z","distance":0,"labels":{}}]
                """.formatted(confirmed, trusted, confirmed).strip();
        String body = referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), "CRISIS", 0.9)
                .replace("\"matches\":[]", matches);
        return intake(body).statusCode(201).extract().path("caseId");
    }

    private static int flags(String bank, UUID signalId, String caseId) {
        return ClassifyServiceMock.server().findAll(postRequestedFor(
                urlEqualTo("/api/v1/banks/" + bank + "/signals/" + signalId + "/curation-flags"))
                .withRequestBody(matchingJsonPath("$.caseId", WireMock.equalTo(caseId)))
                .withRequestBody(matchingJsonPath("$.flagId"))
                .withRequestBody(matchingJsonPath("$.flaggedAt"))
                .withRequestBody(matchingJsonPath("$.reason", WireMock.containing("Glorifies a recent attack"))))
                .size();
    }

    @Test
    void rejectingMatchedContentFlagsEachMatchedSignalOnce() throws Exception {
        UUID confirmed = UUID.randomUUID();
        UUID trusted = UUID.randomUUID();
        String caseId = caseWithMatches(confirmed, trusted);
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> flags("CONFIRMED", confirmed, caseId) == 1
                && flags("TRUSTED_PARTNER", trusted, caseId) == 1);
        assertEquals(2L, ((Number) sql("SELECT count(*) FROM outbox_message WHERE topic = 'signals.curation' "
                + "AND aggregate_key = '" + caseId + "'")).longValue(), "the same signal matched twice is flagged once");
    }

    @Test
    void confirmingMatchedContentFlagsNothing() throws Exception {
        String caseId = caseWithMatches(UUID.randomUUID(), UUID.randomUUID());
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        assertEquals(0L, ((Number) sql("SELECT count(*) FROM outbox_message WHERE topic = 'signals.curation' "
                + "AND aggregate_key = '" + caseId + "'")).longValue());
    }

    @Test
    void classifyDownTheFlagIsRetriedUntilTaken() throws Exception {
        UUID confirmed = UUID.randomUUID();
        UUID trusted = UUID.randomUUID();
        String caseId = caseWithMatches(confirmed, trusted);
        ClassifyServiceMock.down();
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> flags("CONFIRMED", confirmed, caseId) >= 2);
        ClassifyServiceMock.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) sql("SELECT count(*) FROM outbox_message WHERE "
                + "topic = 'signals.curation' AND aggregate_key = '" + caseId + "' AND delivered_at IS NOT NULL"))
                .longValue() == 2);
        ClassifyServiceMock.server().verify(WireMock.moreThanOrExactly(1), postRequestedFor(urlPathMatching(
                "/api/v1/banks/TRUSTED_PARTNER/signals/" + trusted + "/curation-flags")));
    }
}
