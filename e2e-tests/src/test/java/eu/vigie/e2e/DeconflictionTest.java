package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The UK and France report the same content. France learns that a case exists, who owns it and its
 * status, and nothing else: not the case, its history, nor the evidence.
 */
@ExtendWith(SuiteExtension.class)
class DeconflictionTest {

    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
    }

    @Test
    void franceLearnsOnlyThatTheUkOwnsTheCase() {
        String url = "https://deconflict.example/p/" + UUID.randomUUID();
        String text = "Deconfliction scenario " + UUID.randomUUID() + ": join the fighters, the caliphate calls you";
        String gbReferral = vigie.referText("gb", "gb-referrer", url, text);
        String caseId = vigie.awaitCase("gb", "gb-referrer", gbReferral);

        // France reports the same content at the same URL (ingest deconflicts by content key: the SHA-256 of the
        // bytes when there are bytes). The bytes France submitted are France's own evidence, so the evidence
        // refusal is proven by AccessSweepTest on content France never had.
        String frReferrer = vigie.user("fr", "fr-referrer");
        String frReferral = vigie.referText("fr", "fr-referrer", url, text);
        JsonPath answer = await().atMost(Vigie.HOP)
                .until(() -> vigie.as(frReferrer, "ingest-service").get("/api/v1/referrals/" + frReferral)
                        .then().statusCode(200).extract().jsonPath(), r -> r.get("deconfliction") != null);
        assertEquals(caseId, answer.getString("deconfliction.caseId"));
        assertEquals("GB", answer.getString("deconfliction.ownerJurisdiction"));
        assertEquals("CTIRU", answer.getString("deconfliction.ownerAgency"));
        assertTrue(answer.getString("deconfliction.status") != null);
        assertEquals(Set.of("caseId", "ownerJurisdiction", "ownerAgency", "status"),
                answer.getMap("deconfliction").keySet(), "the deconfliction answer says more than it may");

        // France's officers reading the UK's case learn at most its existence, owner and status.
        for (String role : List.of("referrer", "reviewer", "issuer")) {
            String fr = vigie.user("fr", "fr-" + role);
            Response response = vigie.as(fr, "case-service").get("/api/v1/cases/" + caseId);
            if (response.statusCode() == 200) {
                Map<String, Object> seen = response.jsonPath().getMap("$");
                assertEquals(Set.of("id", "ownerJurisdiction", "ownerAgency", "status"), seen.keySet(), "fr " + role + " saw " + seen);
                assertEquals("GB", seen.get("ownerJurisdiction"));
            } else {
                assertTrue(response.statusCode() == 403 || response.statusCode() == 404, "fr " + role + ": " + response.asString());
            }
            // Not the history, not the evidence, not the UK's referral, and no action on it.
            vigie.as(fr, "case-service").get("/api/v1/cases/" + caseId + "/audit").then().statusCode(anyOf(is(403), is(404)));
            vigie.as(fr, "ingest-service").get("/api/v1/referrals/" + gbReferral).then().statusCode(anyOf(is(403), is(404)));
        }
        vigie.as(vigie.user("fr", "fr-issuer"), "case-service").body(Map.of("fileNumber", "PHAROS-1", "reasons", "x"))
                .post("/api/v1/cases/" + caseId + "/removal-orders").then().statusCode(anyOf(is(403), is(404)));
        vigie.as(vigie.user("fr", "fr-reviewer"), "case-service").body(Map.of("decision", "NOT_TERRORIST_CONTENT",
                "reasons", "x")).post("/api/v1/cases/" + caseId + "/assessment").then().statusCode(anyOf(is(403), is(404)));
        // The UK still sees its case in full, with both referrals of the same content attached.
        JsonPath full = vigie.as(vigie.user("gb", "gb-reviewer"), "case-service").get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("GB", full.getString("ownerJurisdiction"));
        assertTrue(full.getList("referrals").size() >= 1);
        assertEquals(null, (Object) full.get("assessment"), "a fr officer's assessment reached the gb case");
    }
}
