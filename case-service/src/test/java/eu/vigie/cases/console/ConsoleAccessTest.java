package eu.vigie.cases.console;

import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.gbCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestIssuers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Who may see which console page: sign-in per government, roles, jurisdiction, CSRF, language; and the API is untouched. */
@QuarkusTest
class ConsoleAccessTest {

    @Test
    void anonymousOfficerIsSentToTheirOwnGovernmentsSignIn() {
        for (String realm : new String[] { "gb", "fr" }) {
            Response response = new ConsoleBrowser().get("/console/" + realm + "/queue");
            assertEquals(302, response.statusCode());
            String location = response.header("Location");
            assertTrue(location.startsWith(TestIssuers.issuer(realm) + "/protocol/openid-connect/auth?"), location);
            assertTrue(location.contains("client_id=vigie-console"), location);
            assertTrue(location.contains("response_type=code"), location);
        }
    }

    @Test
    void signedInOfficerSeesTheirNameRolesAndJurisdiction() {
        ConsoleBrowser gb = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        gb.get("/console/gb").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Officer gb-reviewer"), containsString("gb-reviewer · CTIRU · GB"),
                        containsString("Roles: reviewer"), containsString("href=\"/console/gb/queue\""),
                        containsString("href=\"/console/gb/sign-out\""), not(containsString("/console/gb/report\"")));
    }

    @Test
    void aGovernmentTokenCannotGrantOperatorRolesInTheConsole() {
        // TenantRoleAugmentor still applies to the console's tenants: a gb issuer cannot make anyone an auditor.
        ConsoleBrowser gb = ConsoleBrowser.signedIn("gb", "gb-pretender", "auditor", "referrer");
        gb.get("/console/gb").then().statusCode(200).body(containsString("Roles: referrer"),
                not(containsString("/console/gb/audit\"")));
        gb.get("/console/gb/audit").then().statusCode(403);
    }

    @Test
    void wrongRoleGetsAReadable403Page() {
        ConsoleBrowser referrer = ConsoleBrowser.signedIn("gb", "gb-referrer", "referrer");
        referrer.get("/console/gb/queue").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"), containsString("Not allowed"),
                        not(containsString("Exception")), not(containsString("\"status\"")));
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        reviewer.get("/console/gb/report").then().statusCode(403).body(containsString("Not allowed"));
        reviewer.get("/console/gb/compliance").then().statusCode(403);
    }

    @Test
    void frenchOfficerCannotSeeABritishCase() {
        String caseId = gbCase("DESIGNATED_GROUP", 0.8);
        ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer").get("/console/gb/cases/" + caseId).then()
                .statusCode(200).body(containsString(caseId), containsString("Example Front"));
        ConsoleBrowser fr = ConsoleBrowser.signedIn("fr", "fr-reviewer", "reviewer");
        fr.get("/console/fr/cases/" + caseId).then().statusCode(404).contentType(containsString("text/html"))
                .body(not(containsString("Example Front")), not(containsString("video.example")));
        // nor through the other government's console path: that is another sign-in, not this session
        assertEquals(302, fr.get("/console/gb/cases/" + caseId).statusCode());
    }

    @Test
    void formWithoutCsrfTokenIsRejectedAndChangesNothing() {
        String caseId = gbCase("DESIGNATED_GROUP", 0.8);
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        reviewer.get("/console/gb/cases/" + caseId).then().statusCode(200);
        Response forged = reviewer.postFormWithoutToken("/console/gb/cases/" + caseId + "/assessment",
                Map.of("decision", "NOT_TERRORIST_CONTENT", "reasons", "forged"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.asString().contains("The form could not be verified"), forged.asString());
        Response wrongToken = reviewer.postFormWithoutToken("/console/gb/cases/" + caseId + "/claim",
                Map.of("csrf-token", "not-the-token"));
        assertEquals(403, wrongToken.statusCode());
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("assessment", nullValue()).body("claimedBy", nullValue()).body("status", org.hamcrest.Matchers.is("OPEN"));
    }

    @Test
    void pagesAreInFrenchForAFrenchBrowserAndTheOfficerMaySwitch() {
        ConsoleBrowser fr = ConsoleBrowser.signedIn("fr", "fr-reviewer", "reviewer").acceptLanguage("fr-FR,fr;q=0.9");
        fr.get("/console/fr/queue").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"), containsString("File d&#39;examen"),
                        containsString("Se déconnecter"), containsString("Rôles : reviewer"));
        Response switched = fr.get("/console/language?lang=en&return=/console/fr/queue");
        assertEquals(303, switched.statusCode());
        assertTrue(switched.header("Location").endsWith("/console/fr/queue"));
        assertEquals("en", fr.cookie(ConsoleContext.LANGUAGE_COOKIE));
        fr.get("/console/fr/queue").then().statusCode(200).body(containsString("<html lang=\"en\">"),
                containsString("Review queue"));
        // the switch never sends anyone off the console
        Response away = fr.get("/console/language?lang=fr&return=https://evil.example/");
        assertTrue(away.header("Location").endsWith("/console"), away.header("Location"));
    }

    @Test
    void publicPagesNeedNoSignIn() {
        new ConsoleBrowser().get("/console").then().statusCode(200).body(containsString("href=\"/console/gb\""),
                containsString("href=\"/console/fr\""));
        new ConsoleBrowser().acceptLanguage("fr").get("/console/signed-out").then().statusCode(200)
                .body(containsString("Vous êtes déconnecté"));
        given().get("/console/assets/console.css").then().statusCode(200);
    }

    @Test
    void theConsoleIsNotPartOfTheApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(not(containsString("/console")));
    }

    @Test
    void theApiStillAnswersBearerTokensAsBefore() {
        String caseId = gbCase("DESIGNATED_GROUP", 0.8);
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .header("Set-Cookie", nullValue());
        // a form-typed POST without a body, as curl sends it, is not taken for a console form
        given().auth().oauth2(GB_REVIEWER).contentType("application/x-www-form-urlencoded")
                .post("/api/v1/cases/{id}/claim", caseId).then().statusCode(200);
        given().get("/api/v1/cases/{id}", caseId).then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }
}
