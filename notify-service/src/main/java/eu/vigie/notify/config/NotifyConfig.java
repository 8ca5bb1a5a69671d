package eu.vigie.notify.config;

import java.time.Duration;
import java.util.List;
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

    /** How often deliveries whose webhook retries were given up are marked DEAD. */
    @WithDefault("30s")
    Duration deadSweepInterval();
}
