package eu.vigie.notify.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** notify-service settings of DESIGN.md's configuration contract. */
@ConfigMapping(prefix = "vigie.notify")
public interface NotifyConfig {

    /** Hosts or CIDR ranges exempt from the refusal of private webhook targets (empty by default). */
    Optional<List<String>> webhookAllowList();
}
