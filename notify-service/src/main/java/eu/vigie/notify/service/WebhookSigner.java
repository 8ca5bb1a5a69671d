package eu.vigie.notify.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks signatures: {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}. */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** One {@code v1,} signature per key, space-separated, as the specification allows during a rotation. */
    public static String signature(String webhookId, long timestamp, String body, List<byte[]> keys) {
        return keys.stream().map(key -> "v1," + sign(webhookId, timestamp, body, key)).collect(Collectors.joining(" "));
    }

    static String sign(String webhookId, long timestamp, String body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
