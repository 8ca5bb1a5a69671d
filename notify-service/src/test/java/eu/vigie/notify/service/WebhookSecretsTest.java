package eu.vigie.notify.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.config.NotifyConfig;

class WebhookSecretsTest {

    private static NotifyConfig config(String secretKey) {
        return new NotifyConfig() {
            @Override
            public Optional<List<String>> webhookAllowList() {
                return Optional.empty();
            }

            @Override
            public String secretKey() {
                return secretKey;
            }

            @Override
            public Duration webhookTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration deadSweepInterval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Optional<String> operatorsEmail() {
                return Optional.empty();
            }

            @Override
            public String publicUrl() {
                return "http://localhost:8084";
            }

            @Override
            public String mailDomain() {
                return "notify.vigie.invalid";
            }

            @Override
            public Duration mailTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public java.util.Map<String, AuthorityContact> authorities() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Map<String, RegulatorContact> regulators() {
                return java.util.Map.of();
            }
        };
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
            12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void encryptionRoundTripsAndNeverShowsTheSecret() {
        WebhookSecrets secrets = new WebhookSecrets(config(KEY));
        String sealed = secrets.encrypt(SECRET);
        assertFalse(sealed.contains("MfKQ9r8G"), sealed);
        assertNotEquals(sealed, secrets.encrypt(SECRET), "a fresh IV each time");
        assertEquals(SECRET, secrets.decrypt(sealed));
        assertArrayEquals(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), secrets.signingKey(sealed));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        WebhookSecrets secrets = new WebhookSecrets(config(KEY));
        String sealed = secrets.encrypt(SECRET);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("aesgcm1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "aesgcm1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(tampered));
        WebhookSecrets otherKey = new WebhookSecrets(config(Base64.getEncoder().encodeToString(new byte[32])));
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(sealed));
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(SECRET));
    }

    @Test
    void theServiceRefusesAKeyThatIsNot32Bytes() {
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(config("")));
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(config("not base64 at all!")));
        assertThrows(IllegalStateException.class,
                () -> new WebhookSecrets(config(Base64.getEncoder().encodeToString(new byte[16]))));
    }

    @Test
    void secretsMustBeWhsecAndBase64Of24To64Bytes() {
        WebhookSecrets secrets = new WebhookSecrets(config(KEY));
        secrets.validate("webhookSecret", SECRET); // 24 bytes, the reference secret
        secrets.validate("webhookSecret", "whsec_" + Base64.getEncoder().encodeToString(new byte[64]));
        for (String bad : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_%%%%",
                "whsec_" + Base64.getEncoder().encodeToString(new byte[23]),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[65]))) {
            ProblemException e = assertThrows(ProblemException.class, () -> secrets.validate("webhookSecret", bad), bad);
            assertEquals(400, e.status());
            assertEquals("webhookSecret", e.violations().get(0).field());
        }
    }
}
