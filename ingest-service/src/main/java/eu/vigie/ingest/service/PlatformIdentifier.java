package eu.vigie.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.ingest.client.PlatformRef;
import eu.vigie.ingest.client.PlatformRegistry;
import eu.vigie.ingest.config.IngestConfig;

/**
 * Identifies the platform of a referral through notify-service's registry, caching the registry's
 * answers (a platform, or none) for {@code vigie.ingest.platform-cache-ttl}. Failures to reach the
 * registry are not cached: the next referral asks again.
 */
@ApplicationScoped
public class PlatformIdentifier {

    private static final Logger LOG = Logger.getLogger(PlatformIdentifier.class);

    private record Entry(Optional<String> platformId, Instant expiresAt) {
    }

    private final PlatformRegistry registry;
    private final IngestConfig config;
    private final Clock clock;
    private final Map<String, Entry> byHost = new ConcurrentHashMap<>();
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    @Inject
    public PlatformIdentifier(PlatformRegistry registry, IngestConfig config) {
        this(registry, config, Clock.systemUTC());
    }

    PlatformIdentifier(PlatformRegistry registry, IngestConfig config, Clock clock) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The platform of a referral: the one the caller named, which must be registered (422 when the
     * registry says it is not), or else the one serving the URL's host.
     */
    public PlatformIdentification identify(String givenPlatformId, String hostname) {
        if (givenPlatformId != null) {
            Optional<Optional<String>> known = lookup(byId, givenPlatformId,
                    () -> registry.byId(givenPlatformId).map(PlatformRef::id));
            if (known.isEmpty()) {
                // Registry unreachable: keep what the caller said, flagged as unconfirmed.
                return new PlatformIdentification(givenPlatformId, false);
            }
            if (known.get().isEmpty()) {
                throw new ProblemException(422, "unknown-platform", "Unknown platform",
                        "Field 'platformId' names no platform of the registry",
                        List.of(new Problem.Violation("platformId", "is not a registered platform")));
            }
            return new PlatformIdentification(known.get().get(), true);
        }
        Optional<Optional<String>> serving = lookup(byHost, hostname,
                () -> registry.servingHost(hostname).map(PlatformRef::id));
        return serving.flatMap(p -> p).map(id -> new PlatformIdentification(id, true))
                .orElse(PlatformIdentification.UNKNOWN);
    }

    /** The cached or fetched answer of the registry; empty when the registry could not answer. */
    private Optional<Optional<String>> lookup(Map<String, Entry> cache, String key, Supplier<Optional<String>> fetch) {
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Optional.of(cached.platformId());
        }
        Optional<String> answer;
        try {
            answer = fetch.get();
        } catch (RuntimeException e) {
            LOG.warnf("Platform registry unavailable for %s: %s", key, e.toString());
            return Optional.empty();
        }
        if (cache.size() >= config.platformCacheSize()) {
            cache.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
            if (cache.size() >= config.platformCacheSize()) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(answer, now.plus(config.platformCacheTtl())));
        return Optional.of(answer);
    }
}
