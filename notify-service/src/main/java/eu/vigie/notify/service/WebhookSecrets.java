package eu.vigie.notify.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.config.NotifyConfig;
import io.quarkus.runtime.Startup;

/**
 * Standard Webhooks signing secrets: their form ({@code whsec_} + base64 of 24 to 64 key bytes), and
 * their encryption at rest with AES-256-GCM under {@code vigie.notify.secret-key}. The service refuses
 * to start without a valid key, so no secret is ever stored in clear.
 */
@ApplicationScoped
@Startup
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final String CIPHERTEXT_PREFIX = "aesgcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecrets(NotifyConfig config) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(config.secretKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vigie.notify.secret-key must be the base64 of 32 random bytes");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("vigie.notify.secret-key must be the base64 of 32 random bytes, not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** Checks a secret's form; a 400 problem on {@code field} names what is wrong. */
    public void validate(String field, String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw ProblemException.invalidField(field, "must be 'whsec_' followed by the base64 of 24 to 64 random bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be 'whsec_' followed by valid base64");
        }
        if (bytes.length < MIN_KEY_BYTES || bytes.length > MAX_KEY_BYTES) {
            throw ProblemException.invalidField(field, "must encode 24 to 64 random bytes, not " + bytes.length);
        }
    }

    /** The HMAC key of a stored (encrypted) secret: the decoded bytes after {@code whsec_}. */
    public byte[] signingKey(String encrypted) {
        String secret = decrypt(encrypted);
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return CIPHERTEXT_PREFIX + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Webhook secret could not be encrypted", e);
        }
    }

    public String decrypt(String encrypted) {
        if (encrypted == null || !encrypted.startsWith(CIPHERTEXT_PREFIX)) {
            throw new IllegalStateException("Stored webhook secret is not in the encrypted form");
        }
        try {
            byte[] all = Base64.getDecoder().decode(encrypted.substring(CIPHERTEXT_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored webhook secret cannot be decrypted with vigie.notify.secret-key", e);
        }
    }
}
