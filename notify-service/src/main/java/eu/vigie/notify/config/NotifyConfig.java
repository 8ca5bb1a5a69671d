package eu.vigie.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** notify-service settings of DESIGN.md's configuration contract, and its own. */
@ConfigMapping(prefix = "vigie.notify")
public interface NotifyConfig {

    /** Hosts or CIDR ranges exempt from the refusal of private webhook targets (empty by default). */
    Optional<List<String>> webhookAllowList();

    /**
     * Base64 of the 32-byte AES key that encrypts webhook secrets at rest. Required: the service does
     * not start without it (env {@code VIGIE_NOTIFY_SECRET_KEY}); only the dev and test profiles set one.
     */
    String secretKey();

    /** How long one webhook attempt may take, connection included. */
    @WithDefault("10s")
    Duration webhookTimeout();

    /** How often deliveries whose retries were given up are marked DEAD (and the operators told). */
    @WithDefault("30s")
    Duration deadSweepInterval();

    /** Where operators are told of deliveries given up (by e-mail through the mailer); none: log and metric only. */
    Optional<String> operatorsEmail();

    /**
     * The address at which recipients reach this service (inbox, feedback), written in e-mails so that
     * a contact point without a webhook knows how to acknowledge and answer.
     */
    @WithDefault("http://localhost:8084")
    String publicUrl();

    /** The domain of the Message-ID of notification e-mails ({@code <notification id>@<domain>}). */
    @WithDefault("notify.vigie.invalid")
    String mailDomain();

    /** How long handing one e-mail to the SMTP server may take. */
    @WithDefault("30s")
    Duration mailTimeout();

    /**
     * Competent authorities by jurisdiction (ISO 3166-1 code, e.g. {@code IE}): where cross-border
     * copies and scrutiny decisions for an authority go ({@code vigie.notify.authorities.IE.email}...).
     */
    Map<String, AuthorityContact> authorities();

    /** Regulators by jurisdiction: where breach notices go ({@code vigie.notify.regulators.IE.email}). */
    Map<String, RegulatorContact> regulators();

    /** A competent authority's contact point: a signed webhook if configured, else e-mail. */
    interface AuthorityContact {

        Optional<String> email();

        Optional<String> webhookUrl();

        /** The Standard Webhooks secret ({@code whsec_...}) that signs webhooks to this authority; required with a URL. */
        Optional<String> webhookSecret();

        /** The languages its e-mails are written in, in order of preference (en, fr). */
        @WithDefault("en")
        List<String> languages();
    }

    /** A regulator's contact point. */
    interface RegulatorContact {

        Optional<String> email();

        @WithDefault("en")
        List<String> languages();
    }
}
