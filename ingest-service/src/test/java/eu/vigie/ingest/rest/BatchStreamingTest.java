package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.ingest.Referral;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchStreamingTest {

    static final int LINES = 10_000;

    /** The batch's lines generated as they are sent: the test never holds the whole body either. */
    private static InputStream lines(String run, int count) {
        Enumeration<InputStream> each = new Enumeration<>() {
            int next = 1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                if (next > count) {
                    throw new NoSuchElementException();
                }
                String line = next == 5_000 ? "{\"url\":\"javascript:alert(1)\"}\n"
                        : "{\"url\":\"https://stream.example/" + run + "/" + next + "\"}\n";
                next++;
                return new java.io.ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(each);
    }

    @Test
    void tenThousandLinesAreAnsweredInOrderOneResultALine() throws Exception {
        String run = UUID.randomUUID().toString();
        long before = QuarkusTransaction.requiringNew().call(() -> Referral.count());
        InputStream answer = given().auth().oauth2(TestTokens.gb("gb-referrer", "referrer"))
                .contentType("application/x-ndjson").body(lines(run, LINES))
                .when().post("/api/v1/referrals/batch")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asInputStream();
        ObjectMapper mapper = new ObjectMapper();
        int expected = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                JsonNode result = mapper.readTree(text);
                assertEquals(expected, result.get("line").asInt(), "results arrive in the order of the lines");
                if (expected == 5_000) {
                    assertEquals(400, result.get("status").asInt());
                    assertEquals("url", result.at("/problem/violations/0/field").asText());
                } else {
                    assertEquals(201, result.get("status").asInt(), text);
                    assertEquals("https://stream.example/" + run + "/" + expected,
                            result.at("/referral/canonicalUrl").asText());
                }
                expected++;
            }
        }
        assertEquals(LINES + 1, expected, "one result a line");
        long after = QuarkusTransaction.requiringNew().call(() -> Referral.count());
        assertEquals(before + LINES - 1, after);
        long queued = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "aggregateKey in (select cast(r.id as string) from Referral r where r.canonicalUrl like ?1)",
                "https://stream.example/" + run + "/%"));
        assertEquals(LINES - 1, queued, "each accepted line is handed off durably");
        // The hand-off of these referrals is proven elsewhere; ten thousand relays to the WireMock
        // neighbours would only delay the other test classes sharing this application and its relay.
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("deliveredAt = ?1 where deliveredAt is null and "
                + "aggregateKey in (select cast(r.id as string) from Referral r where r.canonicalUrl like ?2)",
                java.time.Instant.now(), "https://stream.example/" + run + "/%"));
    }
}
