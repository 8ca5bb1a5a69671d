package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import eu.vigie.classify.pdq.PdqVectors;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class HashResourceTest {

    private static final String BRIDGE = "data/reg-test-input/dih/bridge-1-original.jpg";

    private static ValidatableResponse post(String token, String contentType, byte[] body, String query) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.contentType(contentType).body(body).when().post("/api/v1/hashes" + query).then();
    }

    private static String reviewer() {
        return TestTokens.gb("analyst", "reviewer");
    }

    @Test
    void imageHashesToTheReferencePdqWithMd5AndSha256() throws Exception {
        byte[] bytes = PdqVectors.bytes(BRIDGE);
        post(reviewer(), "image/jpeg", bytes, "").statusCode(200)
                .body("pdq", equalTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"))
                .body("quality", equalTo(100))
                .body("weak", equalTo(false))
                .body("md5", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes))))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))))
                .body("dihedral", nullValue())
                .body("matches", nullValue());
    }

    @Test
    void serviceAndAdminMayHashPngToo() {
        String file = "data/reg-test-input/pen-and-coaster.png";
        String expected = PdqVectors.vectors().stream().filter(v -> v.file().equals(file)).findFirst().orElseThrow()
                .javaHash();
        post(TestTokens.service("ingest-service"), "image/png", PdqVectors.bytes(file), "").statusCode(200)
                .body("pdq", equalTo(expected));
        post(TestTokens.admin(), "image/png", PdqVectors.bytes(file), "").statusCode(200).body("pdq", equalTo(expected));
    }

    @Test
    void dihedralAnswersTheEightVariantsOfTheReference() throws Exception {
        String[] f = Files.readAllLines(PdqVectors.root().resolve("dihedral-bridge-1-original.csv")).get(0).split(",");
        post(reviewer(), "image/jpeg", PdqVectors.bytes(BRIDGE), "?dihedral=true").statusCode(200)
                .body("dihedral", hasSize(8))
                .body("dihedral.transform", contains("ORIGINAL", "ROTATE_90", "ROTATE_180", "ROTATE_270", "FLIP_X",
                        "FLIP_Y", "FLIP_PLUS1", "FLIP_MINUS1"))
                .body("dihedral.pdq", contains(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]))
                .body("dihedral.quality", contains(100, 100, 100, 100, 100, 100, 100, 100));
    }

    @Test
    void lowQualityImageIsFlaggedWeakAndItsPdqIsNotMatched() {
        String file = "data/reg-test-input/labelme-subset/q0003.jpg";
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String pdq = PdqVectors.vectors().stream().filter(v -> v.file().equals(file)).findFirst().orElseThrow()
                .javaHash();
        BankResourceTest.addSignal(bank, "PDQ", pdq, "{}");
        post(reviewer(), "image/jpeg", PdqVectors.bytes(file), "?match=true").statusCode(200)
                .body("quality", equalTo(3))
                .body("weak", equalTo(true))
                .body("matches.findAll { it.bank == '" + bank + "' }", hasSize(0));
    }

    @Test
    void rotatedCopyInABankIsFoundThroughItsDihedralVariantAndNamesTheTransform() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        // The bank holds the plain hash of an actually rotated copy of the photograph.
        String rotated = given().auth().oauth2(reviewer()).contentType("image/jpeg")
                .body(PdqVectors.bytes("data/reg-test-input/dih/bridge-2-rotate-90.jpg"))
                .when().post("/api/v1/hashes").then().statusCode(200).extract().path("pdq");
        String signalId = BankResourceTest.addSignal(bank, "PDQ", rotated,
                "{\"categories\":[\"INCITEMENT\"],\"tier\":\"PROMOTIONAL\"}");
        String md5Signal = BankResourceTest.addSignal(bank, "MD5",
                given().auth().oauth2(reviewer()).contentType("image/jpeg").body(PdqVectors.bytes(BRIDGE))
                        .when().post("/api/v1/hashes").then().extract().<String>path("md5"), "{}");

        String inBank = "matches.findAll { it.bank == '" + bank + "' }";
        post(reviewer(), "image/jpeg", PdqVectors.bytes(BRIDGE), "?match=true").statusCode(200)
                .body(inBank + ".signalId", contains(md5Signal, signalId))
                .body(inBank + "[0].signalType", equalTo("MD5"))
                .body(inBank + "[0].distance", equalTo(0))
                .body(inBank + "[0].transform", nullValue())
                .body(inBank + "[1].signalType", equalTo("PDQ"))
                .body(inBank + "[1].transform", equalTo("ROTATE_90"))
                .body(inBank + "[1].labels.tier", equalTo("PROMOTIONAL"));

        // Matched as a plain hash (no variants) the rotated copy is far beyond distance 31.
        given().auth().oauth2(reviewer()).contentType("application/json")
                .body(Map.of("signalType", "PDQ", "value",
                        "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"))
                .when().post("/api/v1/matches").then().statusCode(200)
                .body("matches.signalId", org.hamcrest.Matchers.not(hasItem(signalId)));
    }

    @Test
    void anonymousIsRefusedAndOtherRolesAreForbidden() {
        post(null, "image/jpeg", PdqVectors.bytes(BRIDGE), "").statusCode(401);
        post(TestTokens.gb("referrer", "referrer"), "image/jpeg", PdqVectors.bytes(BRIDGE), "").statusCode(403);
        post(TestTokens.platform("videoshare"), "image/jpeg", PdqVectors.bytes(BRIDGE), "").statusCode(403);
    }

    @Test
    void bytesThatAreNotAnImageOfTheDeclaredTypeAre422() {
        post(reviewer(), "image/png", "not a picture at all".getBytes(), "").statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422));
        // A JPEG declared as PNG: only the PNG decoder runs.
        post(reviewer(), "image/png", PdqVectors.bytes(BRIDGE), "").statusCode(422)
                .contentType(startsWith("application/problem+json"));
        post(reviewer(), "image/gif", new byte[0], "").statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void otherMediaTypesAre415() {
        post(reviewer(), "text/plain", "hello".getBytes(), "").statusCode(415)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void imageOverThePixelBudgetIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        // A PNG header claiming 100000 x 100000 pixels (40 GB once decoded) and no pixel data at all.
        post(reviewer(), "image/png", pngHeader(100_000, 100_000), "").statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("The image is 100000x100000 pixels"));
    }

    @Test
    void truncatedImageIs422() throws Exception {
        byte[] bytes = PdqVectors.bytes(BRIDGE);
        post(reviewer(), "image/jpeg", java.util.Arrays.copyOf(bytes, 200), "").statusCode(422);
        post(reviewer(), "image/png", pngHeader(64, 64), "").statusCode(422);
    }

    static byte[] pngHeader(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        out.write(ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

}
