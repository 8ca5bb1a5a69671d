package eu.vigie.notify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The reference vector of the Standard Webhooks specification's libraries. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    @Test
    void signatureMatchesTheStandardWebhooksReferenceVector() {
        assertEquals(SIGNATURE, WebhookSigner.signature(ID, TIMESTAMP, BODY, List.of(key(SECRET))));
    }

    @Test
    void duringRotationEachSecretSignsSpaceSeparated() {
        byte[] other = new byte[32];
        String both = WebhookSigner.signature(ID, TIMESTAMP, BODY, List.of(other, key(SECRET)));
        String[] parts = both.split(" ");
        assertEquals(2, parts.length);
        assertEquals("v1," + WebhookSigner.sign(ID, TIMESTAMP, BODY, other), parts[0]);
        assertEquals(SIGNATURE, parts[1]);
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        List<byte[]> keys = List.of(key(SECRET));
        org.junit.jupiter.api.Assertions.assertNotEquals(SIGNATURE, WebhookSigner.signature(ID + "x", TIMESTAMP, BODY, keys));
        org.junit.jupiter.api.Assertions.assertNotEquals(SIGNATURE, WebhookSigner.signature(ID, TIMESTAMP + 1, BODY, keys));
        org.junit.jupiter.api.Assertions.assertNotEquals(SIGNATURE,
                WebhookSigner.signature(ID, TIMESTAMP, "{\"test\":2432232314}", keys));
    }
}
