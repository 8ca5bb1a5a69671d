package eu.vigie.ingest.repository;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.Images;
import eu.vigie.ingest.service.EvidencePurge;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** {@code vigie.ingest.evidence-store=filesystem}: the bytes go to content-addressed files, not to PostgreSQL. */
@QuarkusTest
@TestProfile(FilesystemEvidenceStoreSelectionTest.Filesystem.class)
class FilesystemEvidenceStoreSelectionTest {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("vigie-evidence-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Filesystem implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.ingest.evidence-store", "filesystem", "vigie.ingest.evidence-directory", ROOT.toString());
        }
    }

    @Inject
    EvidenceStore store;

    @Inject
    EvidencePurge purge;

    @Test
    void evidenceBytesAreFilesAtTheirContentAddressAndThePurgeDeletesThem() throws Exception {
        byte[] png = Images.png();
        String sha256 = given().auth().oauth2(TestTokens.gb("gb-referrer", "referrer")).contentType(ContentType.JSON)
                .body("""
                        {"url":"https://files.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                        """.formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(png)))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("signals.sha256");

        Path file = ROOT.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
        assertTrue(store.get(sha256).isPresent(), "the configured store is the filesystem one");
        assertArrayEquals(png, Files.readAllBytes(file));
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) Evidence.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM evidence_content WHERE sha256 = :s").setParameter("s", sha256)
                .getSingleResult()).longValue());
        assertEquals(0, rows, "nothing in PostgreSQL");
        byte[] read = given().auth().oauth2(TestTokens.gb("gb-reviewer", "reviewer")).when()
                .get("/api/v1/evidence/" + sha256).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(png, read);

        Instant closedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + UUID.randomUUID() + "\",\"closedAt\":\"" + closedAt + "\"}")
                .when().post("/api/v1/evidence/" + sha256 + "/case-closed").then().statusCode(200);
        purge.purgeExpired(closedAt.atOffset(ZoneOffset.UTC).plusMonths(6).plusDays(1).toInstant());
        assertFalse(Files.exists(file));
        given().auth().oauth2(TestTokens.gb("gb-reviewer", "reviewer")).when().get("/api/v1/evidence/" + sha256)
                .then().statusCode(410);
    }
}
