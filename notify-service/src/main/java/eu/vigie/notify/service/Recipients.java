package eu.vigie.notify.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.Platform;
import eu.vigie.notify.config.NotifyConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Where a notification goes: a platform's contact point from the registry, or an authority's from
 * configuration ({@code vigie.notify.authorities.<JURISDICTION>.*} for the home authority,
 * {@code vigie.notify.regulators.<JURISDICTION>.email} for breach notices). Authorities' settings are
 * checked at start-up, so a wrong one stops the service instead of losing a notice later.
 */
@ApplicationScoped
public class Recipients {

    /** The languages e-mails can be written in. */
    public static final Set<String> MAIL_LANGUAGES = Set.of("en", "fr");

    /** How to reach a recipient: a signed webhook, e-mail, and (platforms only) the pull inbox. */
    public record Contact(String name, Optional<String> email, Optional<String> webhookUrl, List<String> languages,
            boolean inbox) {
    }

    private final NotifyConfig config;
    private final PlatformService platforms;
    private final WebhookSecrets secrets;

    public Recipients(NotifyConfig config, PlatformService platforms, WebhookSecrets secrets) {
        this.config = config;
        this.platforms = platforms;
        this.secrets = secrets;
    }

    void checkAtStartup(@Observes StartupEvent event) {
        validateConfiguration();
    }

    /** Refuses authority settings that could not deliver: bad jurisdiction, bad secret, a webhook without a secret. */
    public void validateConfiguration() {
        config.authorities().forEach((jurisdiction, contact) -> {
            String prefix = "vigie.notify.authorities." + jurisdiction;
            checkJurisdiction(prefix, jurisdiction);
            if (contact.webhookUrl().isPresent()) {
                String secret = contact.webhookSecret().orElseThrow(() -> new IllegalStateException(
                        prefix + ".webhook-secret is required with " + prefix + ".webhook-url"));
                try {
                    secrets.validate(prefix + ".webhook-secret", secret);
                } catch (ProblemException e) {
                    throw new IllegalStateException(prefix + ".webhook-secret must be 'whsec_' followed by the base64 "
                            + "of 24 to 64 random bytes");
                }
            }
            checkLanguages(prefix, contact.languages());
        });
        config.regulators().forEach((jurisdiction, contact) -> {
            String prefix = "vigie.notify.regulators." + jurisdiction;
            checkJurisdiction(prefix, jurisdiction);
            checkLanguages(prefix, contact.languages());
        });
    }

    private static void checkJurisdiction(String prefix, String jurisdiction) {
        if (!jurisdiction.matches("[A-Za-z]{2}")) {
            throw new IllegalStateException(prefix + ": the key must be an ISO 3166-1 alpha-2 code such as IE");
        }
    }

    private static void checkLanguages(String prefix, List<String> languages) {
        for (String language : languages) {
            if (!MAIL_LANGUAGES.contains(language)) {
                throw new IllegalStateException(prefix + ".languages: e-mails are written in " + MAIL_LANGUAGES
                        + ", not " + language);
            }
        }
    }

    /** A platform's contact point from the registry. */
    public Contact platform(Platform platform) {
        List<String> languages = platform.languages == null || platform.languages.isBlank() ? List.of()
                : List.of(platform.languages.split(","));
        return new Contact(platform.name, Optional.ofNullable(platform.email), Optional.ofNullable(platform.webhookUrl),
                mailLanguages(languages), true);
    }

    /**
     * The contact point of the authority of a jurisdiction for this kind of notification: the regulator
     * for a breach notice, the competent authority otherwise; empty when none is configured.
     */
    public Optional<Contact> authority(NotificationKind kind, String jurisdiction) {
        if (kind == NotificationKind.BREACH_NOTICE) {
            return lookup(config.regulators(), jurisdiction).filter(r -> r.email().isPresent())
                    .map(r -> new Contact("Regulator " + jurisdiction, r.email(), Optional.empty(),
                            mailLanguages(r.languages()), false));
        }
        return lookup(config.authorities(), jurisdiction)
                .filter(a -> a.email().isPresent() || a.webhookUrl().isPresent())
                .map(a -> new Contact("Competent authority " + jurisdiction, a.email(), a.webhookUrl(),
                        mailLanguages(a.languages()), false));
    }

    /** The HMAC keys that sign a webhook to an authority now (its configured secret). */
    public List<byte[]> authoritySigningKeys(String jurisdiction) {
        List<byte[]> keys = new ArrayList<>();
        lookup(config.authorities(), jurisdiction).flatMap(NotifyConfig.AuthorityContact::webhookSecret)
                .ifPresent(secret -> keys.add(Base64.getDecoder().decode(secret.substring(WebhookSecrets.PREFIX.length()))));
        return keys;
    }

    /** The HMAC keys that sign a webhook to a platform now. */
    public List<byte[]> platformSigningKeys(Platform platform, Instant now) {
        return platforms.signingKeys(platform, now);
    }

    /** The recipient's languages that e-mails can be written in, in its order; English when none. */
    static List<String> mailLanguages(List<String> accepted) {
        Set<String> languages = new LinkedHashSet<>();
        for (String language : accepted) {
            String code = language.strip().toLowerCase(Locale.ROOT);
            if (MAIL_LANGUAGES.contains(code)) {
                languages.add(code);
            }
        }
        return languages.isEmpty() ? List.of("en") : List.copyOf(languages);
    }

    private static <T> Optional<T> lookup(Map<String, T> byJurisdiction, String jurisdiction) {
        T exact = byJurisdiction.get(jurisdiction);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byJurisdiction.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(jurisdiction))
                .map(Map.Entry::getValue).findFirst();
    }
}
