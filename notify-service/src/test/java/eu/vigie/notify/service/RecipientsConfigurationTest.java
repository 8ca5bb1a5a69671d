package eu.vigie.notify.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.config.NotifyConfig;

/** Authorities' contact points come from configuration: a setting that could not deliver stops the start. */
class RecipientsConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    record Authority(Optional<String> email, Optional<String> webhookUrl, Optional<String> webhookSecret,
            List<String> languages) implements NotifyConfig.AuthorityContact {
    }

    record Regulator(Optional<String> email, List<String> languages) implements NotifyConfig.RegulatorContact {
    }

    private static Recipients recipients(Map<String, NotifyConfig.AuthorityContact> authorities,
            Map<String, NotifyConfig.RegulatorContact> regulators) {
        NotifyConfig config = new NotifyConfig() {
            public Optional<List<String>> webhookAllowList() {
                return Optional.empty();
            }

            public String secretKey() {
                return KEY;
            }

            public Duration webhookTimeout() {
                return Duration.ofSeconds(10);
            }

            public Duration deadSweepInterval() {
                return Duration.ofSeconds(30);
            }

            public Optional<String> operatorsEmail() {
                return Optional.empty();
            }

            public String publicUrl() {
                return "http://localhost:8084";
            }

            public String mailDomain() {
                return "notify.vigie.invalid";
            }

            public Duration mailTimeout() {
                return Duration.ofSeconds(30);
            }

            public Map<String, AuthorityContact> authorities() {
                return authorities;
            }

            public Map<String, RegulatorContact> regulators() {
                return regulators;
            }
        };
        return new Recipients(config, null, new WebhookSecrets(config));
    }

    @Test
    void webhookWithoutASecretIsRefused() {
        Recipients recipients = recipients(Map.of("IE", new Authority(Optional.empty(),
                Optional.of("https://authority.example/hooks"), Optional.empty(), List.of("en"))), Map.of());
        IllegalStateException refused = assertThrows(IllegalStateException.class, recipients::validateConfiguration);
        assertTrue(refused.getMessage().contains("vigie.notify.authorities.IE.webhook-secret"), refused.getMessage());
    }

    @Test
    void malformedSecretJurisdictionOrLanguageIsRefused() {
        assertThrows(IllegalStateException.class, () -> recipients(Map.of("IE", new Authority(Optional.empty(),
                Optional.of("https://authority.example/hooks"), Optional.of("not-a-secret"), List.of("en"))), Map.of())
                .validateConfiguration());
        assertThrows(IllegalStateException.class, () -> recipients(Map.of("IRL", new Authority(
                Optional.of("a@authority.example"), Optional.empty(), Optional.empty(), List.of("en"))), Map.of())
                .validateConfiguration());
        assertThrows(IllegalStateException.class, () -> recipients(Map.of(), Map.of("IE", new Regulator(
                Optional.of("r@regulator.example"), List.of("de")))).validateConfiguration());
    }

    @Test
    void breachNoticesGoToTheRegulatorAndOtherNoticesToTheAuthorityWhateverTheKeysCase() {
        Recipients recipients = recipients(
                Map.of("ie", new Authority(Optional.of("tco@authority.example"), Optional.of("https://authority.example/h"),
                        Optional.of(SECRET), List.of("fr", "en"))),
                Map.of("IE", new Regulator(Optional.of("penalties@regulator.example"), List.of("en"))));
        assertDoesNotThrow(recipients::validateConfiguration);

        Recipients.Contact authority = recipients.authority(NotificationKind.CROSS_BORDER_COPY, "IE").orElseThrow();
        assertEquals(Optional.of("https://authority.example/h"), authority.webhookUrl());
        assertEquals(List.of("fr", "en"), authority.languages());
        assertEquals(1, recipients.authoritySigningKeys("IE").size());
        Recipients.Contact regulator = recipients.authority(NotificationKind.BREACH_NOTICE, "IE").orElseThrow();
        assertEquals(Optional.of("penalties@regulator.example"), regulator.email());
        assertEquals(Optional.empty(), regulator.webhookUrl());
        assertTrue(recipients.authority(NotificationKind.CROSS_BORDER_COPY, "PT").isEmpty());
        assertTrue(recipients.authority(NotificationKind.BREACH_NOTICE, "FR").isEmpty());
    }
}
