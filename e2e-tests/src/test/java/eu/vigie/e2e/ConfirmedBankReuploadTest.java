package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;

/**
 * The learning loop: an image a reviewer confirms as terrorist content goes into the CONFIRMED bank,
 * so the same image uploaded again, and a rotated copy of it, are matched against that bank when
 * they are referred.
 */
@ExtendWith(SuiteExtension.class)
class ConfirmedBankReuploadTest {

    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
    }

    @Test
    void aConfirmedImageIsCaughtWhenUploadedAgainEvenRotated() throws IOException {
        BufferedImage image = poster(new Random(UUID.randomUUID().getMostSignificantBits()));
        byte[] original = png(image);
        byte[] rotated = png(rotate90(image));

        String first = referImage(original, "https://pics.example/i/" + UUID.randomUUID());
        String caseId = vigie.awaitCase("gb", "gb-referrer", first);
        JsonPath referral = vigie.as(vigie.user("gb", "gb-reviewer"), "ingest-service").get("/api/v1/referrals/" + first)
                .then().statusCode(200).extract().jsonPath();
        String sha256 = referral.getString("signals.sha256");
        String pdq = referral.getString("signals.pdq");
        assertTrue(pdq != null && pdq.matches("[0-9a-f]{64}"), "the image has a PDQ hash: " + referral.prettify());

        vigie.assessTerrorist("gb", "gb-reviewer", caseId);

        // The confirmed signals reach the CONFIRMED bank.
        String reviewer = vigie.user("gb", "gb-reviewer");
        await().atMost(Vigie.HOP).until(() -> confirmedMatches(reviewer, "SHA256", sha256) > 0
                && confirmedMatches(reviewer, "PDQ", pdq) > 0);

        // The same image again, elsewhere: classified with the CONFIRMED match (it joins the same case).
        String again = referImage(original, "https://mirror.example/i/" + UUID.randomUUID());
        assertEquals(caseId, vigie.awaitCase("gb", "gb-referrer", again), "the same content belongs to one case");
        List<Map<String, Object>> againMatches = classificationMatches(reviewer, again);
        assertTrue(againMatches.stream().anyMatch(m -> "CONFIRMED".equals(m.get("bank")) && "SHA256".equals(m.get("signalType"))),
                "the re-upload is not matched against CONFIRMED: " + againMatches);

        // A rotated copy: other bytes, another case, but the PDQ match (within distance 31, any rotation) catches it.
        String copy = referImage(rotated, "https://mirror.example/i/" + UUID.randomUUID());
        String copyCase = vigie.awaitCase("gb", "gb-referrer", copy);
        assertNotEquals(caseId, copyCase);
        List<Map<String, Object>> copyMatches = classificationMatches(reviewer, copy);
        assertTrue(copyMatches.stream().anyMatch(m -> "CONFIRMED".equals(m.get("bank")) && "PDQ".equals(m.get("signalType"))
                && ((Number) m.get("distance")).intValue() <= 31), "the rotated copy is not matched: " + copyMatches
                + "; its referral: " + vigie.as(reviewer, "ingest-service").get("/api/v1/referrals/" + copy).asString()
                + "; the original's PDQ " + pdq);
        // The case of the copy carries the match for its reviewer.
        JsonPath copyCaseView = vigie.as(reviewer, "case-service").get("/api/v1/cases/" + copyCase)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(copyCaseView.getList("classification.matches.bank").contains("CONFIRMED"), copyCaseView.prettify());
    }

    private String referImage(byte[] png, String url) {
        return vigie.as(vigie.user("gb", "gb-referrer"), "ingest-service").body(Map.of(
                "url", url, "contentType", "IMAGE",
                "media", Map.of("mediaType", "image/png", "dataBase64", Base64.getEncoder().encodeToString(png))))
                .post("/api/v1/referrals").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private int confirmedMatches(String token, String signalType, String value) {
        List<Map<String, Object>> matches = vigie.as(token, "classify-service")
                .body(Map.of("signalType", signalType, "value", value)).post("/api/v1/matches")
                .then().statusCode(200).extract().jsonPath().getList("matches");
        return (int) matches.stream().filter(m -> "CONFIRMED".equals(m.get("bank"))).count();
    }

    /**
     * classify-service's full verdict on a referral, once given, read with a service account (reviewers
     * read verdicts through case-service, which keeps one per case).
     */
    private List<Map<String, Object>> classificationMatches(String reviewer, String referralId) {
        await().atMost(Vigie.HOP).until(() -> vigie.as(reviewer, "ingest-service").get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).extract().jsonPath().getString("classification.id"), id -> id != null);
        String service = suite.tokens().client("vigie", "ingest-service", "ingest-service-secret");
        List<List<Map<String, Object>>> verdicts = vigie.as(service, "classify-service").queryParam("referralId", referralId)
                .get("/api/v1/classifications").then().statusCode(200).extract().jsonPath().getList("matches");
        assertEquals(1, verdicts.size(), "one verdict per referral");
        return verdicts.get(0);
    }

    /**
     * A textured image (blocks and bars of random greys and colours): PDQ quality well above the threshold.
     * <p>
     * 640x480: a rotated copy's own PDQ is not bit for bit the rotated variant of the original's, since PDQ samples
     * the blurred image at the centres of a 64x64 grid, which do not fall symmetrically on every side length. At
     * 320x240, 37 of 2,000 such posters rotated to more than 31 bits from every variant (38 at worst), so this test
     * failed one run in fifty; drawn at 640x480, none of 10,000 went past 24 bits (a scratch program over seeds
     * 0..9999 with classify-service's {@code PdqHasher}, 2026-11-30).
     */
    static BufferedImage poster(Random random) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.scale(2, 2);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(300), random.nextInt(220), 10 + random.nextInt(120), 10 + random.nextInt(90));
        }
        g.dispose();
        return image;
    }

    static BufferedImage rotate90(BufferedImage source) {
        BufferedImage rotated = new BufferedImage(source.getHeight(), source.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                rotated.setRGB(source.getHeight() - 1 - y, x, source.getRGB(x, y));
            }
        }
        return rotated;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
