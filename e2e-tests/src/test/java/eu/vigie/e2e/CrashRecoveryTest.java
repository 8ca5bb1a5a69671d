package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.Suite;
import eu.vigie.local.ServiceProcess;
import io.restassured.path.json.JsonPath;

/**
 * A service killed with SIGKILL in the middle of the flow, or a platform whose endpoint is down,
 * loses nothing and duplicates nothing once it is back.
 */
@ExtendWith(SuiteExtension.class)
class CrashRecoveryTest {

    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        vigie.as(vigie.user("vigie", "admin"), "notify-service").body(Map.of(
                "id", "examplesocial", "name", "ExampleSocial SAS", "hostnames", List.of("social.example"),
                "homeJurisdiction", "GB", "email", "abuse@social.example",
                "webhookUrl", suite.demoPlatform().webhookUrl(), "webhookSecret", suite.demoPlatform().secret(),
                "languages", List.of("en", "fr"), "hasReceivedOrder", true)).post("/api/v1/platforms");
    }

    @Test
    void referralMadeWhileCaseServiceIsKilledReachesExactlyOneCase() throws Exception {
        String referrer = vigie.user("gb", "gb-referrer");
        ServiceProcess cases = suite.service("case-service");
        cases.kill();

        String referralId = vigie.as(referrer, "ingest-service").body(Map.of(
                "url", "https://social.example/p/crash-1", "contentType", "TEXT",
                "text", "We will attack the station tomorrow", "language", "en"))
                .post("/api/v1/referrals").then().statusCode(201).extract().jsonPath().getString("id");
        // The same content reported again by the same unit while case-service is down.
        vigie.as(referrer, "ingest-service").header("Idempotency-Key", "crash-test-1").body(Map.of(
                "url", "https://social.example/p/crash-1?utm_campaign=x", "contentType", "TEXT",
                "text", "We will attack the station tomorrow", "language", "en"))
                .post("/api/v1/referrals").then().statusCode(201);
        Thread.sleep(2_000);

        cases.start();
        String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> vigie.as(referrer, "ingest-service").get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200).extract().jsonPath().getString("caseId"), id -> id != null);

        JsonPath theCase = vigie.as(vigie.user("gb", "gb-reviewer"), "case-service").get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
        // Both referrals of the same content attached to one case, each once.
        await().atMost(Duration.ofSeconds(30)).until(() -> vigie.as(vigie.user("gb", "gb-reviewer"), "case-service")
                .get("/api/v1/cases/" + caseId).then().extract().jsonPath().getList("referrals").size() == 2);
        assertEquals("GB", theCase.getString("ownerJurisdiction"));
    }
}
