package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.vigie.ingest.CustodyEvent;
import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.Images;
import eu.vigie.ingest.Referral;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Malformed, mistyped, wrongly encoded and hostile referrals: each answers a 4xx problem+json,
 * stores nothing (no referral, no evidence, no custody record), and the service answers the next
 * good request as usual.
 */
@QuarkusTest
class HostileInputTest {

    static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");

    private record Counts(long referrals, long evidence, long custody) {
    }

    private static Counts counts() {
        return QuarkusTransaction.requiringNew().call(() -> new Counts(Referral.count(), Evidence.count(), CustodyEvent.count()));
    }

    private static ValidatableResponse submit(String body) {
        return given().auth().oauth2(GB_REFERRER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then().contentType("application/problem+json");
    }

    private static String media(String contentType, String mediaType, byte[] bytes) {
        return """
                {"url":"https://hostile.example/%s","contentType":"%s","media":{"mediaType":"%s","dataBase64":"%s"}}
                """.formatted(UUID.randomUUID(), contentType, mediaType, Base64.getEncoder().encodeToString(bytes));
    }

    /** Refused, nothing stored, and a good referral is accepted right after. */
    private static void refusedAndNothingStored(Runnable hostile) {
        Counts before = counts();
        hostile.run();
        assertEquals(before, counts());
        given().auth().oauth2(GB_REFERRER).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hostile.example/after/" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/referrals").then().statusCode(201);
    }

    @Test
    void declaredTypeThatTheBytesBelieIsUnprocessableNamingBoth() {
        refusedAndNothingStored(() -> submit(media("IMAGE", "image/jpeg", Images.png())).statusCode(422)
                .body("status", equalTo(422))
                .body("detail", allOf(containsString("image/jpeg"), containsString("PNG image"))));
        refusedAndNothingStored(() -> submit(media("VIDEO", "video/mp4", Images.png())).statusCode(422)
                .body("detail", allOf(containsString("video/mp4"), containsString("PNG image"))));
        refusedAndNothingStored(() -> submit(media("DOCUMENT", "application/pdf", Images.mp4(100))).statusCode(422)
                .body("detail", allOf(containsString("application/pdf"), containsString("MP4"))));
    }

    @Test
    void bytesOfNoAcceptedFormatAreUnprocessable() {
        byte[] binary = new byte[64];
        binary[0] = 0x00;
        binary[1] = 0x13;
        refusedAndNothingStored(() -> submit(media("DOCUMENT", "application/pdf", binary)).statusCode(422)
                .body("detail", containsString("application/pdf")));
    }

    @Test
    void pngHeaderDeclaringHundredThousandSquaredPixelsIsRefusedWithoutDecoding() {
        refusedAndNothingStored(() -> submit(media("IMAGE", "image/png", Images.png(100_000, 100_000))).statusCode(422)
                .body("detail", containsString("100000 x 100000")));
    }

    @Test
    void imageHeadersDeclaringHugeOrEmptyDimensionsAreRefused() {
        refusedAndNothingStored(() -> submit(media("IMAGE", "image/gif", Images.gif(65535, 65535))).statusCode(422)
                .body("detail", containsString("65535 x 65535")));
        refusedAndNothingStored(() -> submit(media("IMAGE", "image/jpeg", Images.jpeg(0, 10))).statusCode(422)
                .body("detail", containsString("0 x 10")));
        byte[] truncated = java.util.Arrays.copyOf(Images.png(), 14);
        refusedAndNothingStored(() -> submit(media("IMAGE", "image/png", truncated)).statusCode(422)
                .body("detail", containsString("truncated")));
    }

    @Test
    void realHeadersOfSaneSizeAreAccepted() {
        for (String[] kind : new String[][] { { "IMAGE", "image/png" }, { "IMAGE", "image/gif" }, { "IMAGE", "image/jpeg" },
                { "VIDEO", "video/mp4" } }) {
            byte[] bytes = switch (kind[1]) {
                case "image/png" -> Images.png(640, 480);
                case "image/gif" -> Images.gif(320, 200);
                case "image/jpeg" -> Images.jpeg(1024, 768);
                default -> Images.mp4(256);
            };
            given().auth().oauth2(GB_REFERRER).contentType(ContentType.JSON).body(media(kind[0], kind[1], bytes))
                    .when().post("/api/v1/referrals").then().statusCode(201);
        }
    }

    @Test
    void controlCharactersInTextFieldsAreRefused() {
        refusedAndNothingStored(() -> submit("""
                {"url":"https://hostile.example/%s","contentType":"TEXT","text":"hidden\\u0000text"}
                """.formatted(UUID.randomUUID())).statusCode(400).body("violations.field", hasItem("text")));
        refusedAndNothingStored(() -> submit("""
                {"url":"https://hostile.example/%s","notes":"bell \\u0007 and escape \\u001b[31m"}
                """.formatted(UUID.randomUUID())).statusCode(400).body("violations.field", hasItem("notes")));
        refusedAndNothingStored(() -> submit("""
                {"url":"https://hostile.example/%s","reference":"CTIRU-1\\nInjected: line"}
                """.formatted(UUID.randomUUID())).statusCode(400).body("violations.field", hasItem("reference")));
        refusedAndNothingStored(() -> submit("""
                {"url":"https://hostile.example/%s\\u0000"}
                """.formatted(UUID.randomUUID())).statusCode(400).body("violations.field", hasItem("url")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "JavaScript://example.com/%0Aalert(1)", "file:///etc/passwd",
            "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "//no-scheme.example/x" })
    void urlsThatAreNotHttpAreRefused(String url) {
        refusedAndNothingStored(() -> submit("{\"url\":\"" + url + "\"}").statusCode(400)
                .body("violations.field", hasItem("url")));
    }

    @Test
    void twentyThousandCharacterUrlIsRefused() {
        String url = "https://hostile.example/" + "a".repeat(20_000);
        refusedAndNothingStored(() -> submit("{\"url\":\"" + url + "\"}").statusCode(400)
                .body("violations.field", hasItem("url")));
    }

    @Test
    void invalidBase64IsRefused() {
        for (String data : new String[] { "not*base64!", "QU=J", "====", "\\u00e9t\\u00e9" }) {
            refusedAndNothingStored(() -> submit("""
                    {"url":"https://hostile.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                    """.formatted(UUID.randomUUID(), data)).statusCode(400)
                    .body("violations.field", hasItem("media.dataBase64")));
        }
    }

    @Test
    void wrongTypesAreRefused() {
        refusedAndNothingStored(() -> submit("{\"url\":5}").statusCode(400));
        refusedAndNothingStored(() -> submit("{\"url\":[\"https://hostile.example/x\"]}").statusCode(400));
        refusedAndNothingStored(() -> submit("{\"url\":\"https://hostile.example/x\",\"contentType\":3}").statusCode(400));
        refusedAndNothingStored(() -> submit("{\"url\":\"https://hostile.example/x\",\"media\":\"x\"}").statusCode(400));
        refusedAndNothingStored(() -> submit("{\"url\":\"https://hostile.example/x\",\"observedAt\":true}").statusCode(400));
        refusedAndNothingStored(() -> submit("[1,2,3]").statusCode(400));
        refusedAndNothingStored(() -> submit("\"just a string\"").statusCode(400));
        refusedAndNothingStored(() -> submit("{\"url\":\"https://hostile.example/x\",\"notes\":{\"$gt\":\"\"}}").statusCode(400));
    }
}
