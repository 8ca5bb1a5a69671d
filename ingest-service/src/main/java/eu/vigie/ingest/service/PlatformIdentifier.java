package eu.vigie.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import eu.vigie.common.problem.Problem;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.ingest.client.PlatformRef;
import eu.vigie.ingest.client.PlatformRegistry;
import eu.vigie.ingest.config.IngestConfig;

/**
 * Identifies the platform of a referral through notify-service's registry and applies the
 * platform's short links. The registry's answers are cached. A platform found is used as it is for
 * {@code vigie.ingest.platform-cache-ttl}; after that it is still used while a background refresh
 * asks the registry again, so no referral waits for notify-service once a host has been seen. An
 * answer that no platform serves a host is used only for {@code vigie.ingest.unknown-platform-cache-ttl}
 * and then asked again before the next referral is identified, so a newly registered platform is
 * recognised at once (a registry that cannot answer then leaves the last answer in use). A failed refresh keeps the last answer and is tried
 * again a little later. A host never seen while the registry is unreachable is not cached: the
 * referral is flagged (platform unknown) and the next one asks again.
 */
@ApplicationScoped
public class PlatformIdentifier {

    private static final Logger LOG = Logger.getLogger(PlatformIdentifier.class);
    /** How soon a failed background refresh is tried again (at most the TTL). */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    /** How long a referral waits for the registry's answer to a question another referral asked (beyond its 2 s timeout). */
    private static final Duration FIRST_ANSWER_WAIT = Duration.ofSeconds(5);

    /** A platform as the registry described it, with its short links compiled. */
    public record Platform(String id, List<CompiledShortLink> shortLinks) {

        /** The long form of a canonical URL on {@code host} that one of the platform's short links matches. */
        Optional<String> expand(String host, String path) {
            for (CompiledShortLink link : shortLinks) {
                if (link.host().equals(host)) {
                    Matcher m = link.pattern().matcher(path);
                    if (m.matches()) {
                        return Optional.of(link.fill(m));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A short link whose pattern compiled. */
    public record CompiledShortLink(String host, Pattern pattern, String canonical) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([1-9])}");

        String fill(Matcher m) {
            Matcher p = PLACEHOLDER.matcher(canonical);
            StringBuilder out = new StringBuilder();
            while (p.find()) {
                int group = Integer.parseInt(p.group(1));
                String value = group <= m.groupCount() && m.group(group) != null ? m.group(group) : "";
                p.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
            }
            p.appendTail(out);
            return out.toString();
        }

        /** A group's text as it may stand anywhere in a URL: unreserved characters and %XX escapes kept, the rest escaped. */
        private static String encode(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~%".indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return out.toString();
        }
    }

    private record Entry(Optional<Platform> platform, Instant refreshAt) {
    }

    private final PlatformRegistry registry;
    private final IngestConfig config;
    private final Clock clock;
    private final Executor refresher;
    private final ExecutorService ownExecutor;
    private final Map<String, Entry> byHost = new ConcurrentHashMap<>();
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<Platform>>> firstQuestions = new ConcurrentHashMap<>();

    @Inject
    public PlatformIdentifier(PlatformRegistry registry, IngestConfig config) {
        this(registry, config, Clock.systemUTC(), null);
    }

    /** With {@code refresher} null, refreshes run on a daemon thread of their own. */
    PlatformIdentifier(PlatformRegistry registry, IngestConfig config, Clock clock, Executor refresher) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
        if (refresher == null) {
            this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "platform-cache-refresh");
                t.setDaemon(true);
                return t;
            });
            this.refresher = ownExecutor;
        } else {
            this.ownExecutor = null;
            this.refresher = refresher;
        }
    }

    @PreDestroy
    void stop() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    /**
     * The platform of a referral: the one the caller named, which must be registered (422 when the
     * registry says it is not), or else the one serving the URL's host.
     */
    public PlatformIdentification identify(String givenPlatformId, String hostname) {
        if (givenPlatformId != null) {
            Optional<Optional<Platform>> known = lookup(byId, "id:" + givenPlatformId,
                    () -> registry.byId(givenPlatformId));
            if (known.isEmpty()) {
                // Registry unreachable: keep what the caller said, flagged as unconfirmed.
                return new PlatformIdentification(givenPlatformId, false);
            }
            if (known.get().isEmpty()) {
                throw new ProblemException(422, "unknown-platform", "Unknown platform",
                        "Field 'platformId' names no platform of the registry",
                        List.of(new Problem.Violation("platformId", "is not a registered platform")));
            }
            return new PlatformIdentification(known.get().get().id(), true);
        }
        return servingHost(hostname).map(id -> new PlatformIdentification(id.id(), true))
                .orElse(PlatformIdentification.UNKNOWN);
    }

    /**
     * The long form of a canonical URL when it is a short link of the platform serving its host
     * (ARCHITECTURE "Platform short links"); empty otherwise, or while the registry cannot say.
     */
    public Optional<String> expandShortLink(String canonicalUrl) {
        String host = UrlCanonicalizer.hostOf(canonicalUrl);
        if (host == null) {
            return Optional.empty();
        }
        return servingHost(host).flatMap(p -> p.shortLinks().isEmpty() ? Optional.empty()
                : p.expand(host.toLowerCase(Locale.ROOT), pathOf(canonicalUrl)));
    }

    private Optional<Platform> servingHost(String hostname) {
        if (hostname == null) {
            return Optional.empty();
        }
        return lookup(byHost, hostname, () -> registry.servingHost(hostname)).flatMap(p -> p);
    }

    /** The cached or fetched answer of the registry; empty when the registry could not answer a first question. */
    private Optional<Optional<Platform>> lookup(Map<String, Entry> cache, String key, Supplier<Optional<PlatformRef>> fetch) {
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.platform().isEmpty() && !cached.refreshAt().isAfter(now)) {
            // "No platform" is not served past its time: ask again now (a new platform may have been registered).
            Optional<Optional<Platform>> fresh = ask(cache, key, fetch, now);
            return fresh.isPresent() ? fresh : Optional.of(cached.platform());
        }
        if (cached != null) {
            if (!cached.refreshAt().isAfter(now) && refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
                try {
                    refresher.execute(() -> refresh(cache, key, fetch, cached));
                } catch (RuntimeException e) {
                    refreshing.remove(key);
                    LOG.warnf("Platform registry refresh of %s not started: %s", key, e.toString());
                }
            }
            return Optional.of(cached.platform());
        }
        return ask(cache, key, fetch, now);
    }

    /**
     * Asks the registry, one question per key at a time: referrals arriving together for a host never seen
     * wait for the one answer instead of each asking (a burst of identical questions would trip the circuit
     * breaker). Empty when the registry could not answer.
     */
    private Optional<Optional<Platform>> ask(Map<String, Entry> cache, String key, Supplier<Optional<PlatformRef>> fetch,
            Instant now) {
        CompletableFuture<Optional<Platform>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Platform>> asked = firstQuestions.putIfAbsent(key, mine);
        if (asked != null) {
            try {
                return Optional.of(asked.get(FIRST_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException e) {
                return Optional.empty();
            }
        }
        try {
            Optional<Platform> answer = fetch.get().map(PlatformIdentifier::compile);
            put(cache, key, new Entry(answer, now.plus(ttl(answer))), now);
            mine.complete(answer);
            return Optional.of(answer);
        } catch (RuntimeException e) {
            LOG.warnf("Platform registry unavailable for %s: %s", key, e.toString());
            mine.completeExceptionally(e);
            return Optional.empty();
        } finally {
            firstQuestions.remove(key, mine);
        }
    }

    private void refresh(Map<String, Entry> cache, String key, Supplier<Optional<PlatformRef>> fetch, Entry stale) {
        try {
            Optional<Platform> answer = fetch.get().map(PlatformIdentifier::compile);
            Instant now = clock.instant();
            put(cache, key, new Entry(answer, now.plus(ttl(answer))), now);
        } catch (RuntimeException e) {
            LOG.warnf("Platform registry refresh of %s failed, keeping the last answer: %s", key, e.toString());
            Instant now = clock.instant();
            Duration retry = config.platformCacheTtl().compareTo(RETRY_AFTER_FAILURE) < 0 ? config.platformCacheTtl()
                    : RETRY_AFTER_FAILURE;
            cache.replace(key, stale, new Entry(stale.platform(), now.plus(retry)));
        } finally {
            refreshing.remove(key);
        }
    }

    private Duration ttl(Optional<Platform> answer) {
        return answer.isPresent() ? config.platformCacheTtl() : config.unknownPlatformCacheTtl();
    }

    private void put(Map<String, Entry> cache, String key, Entry entry, Instant now) {
        if (!cache.containsKey(key) && cache.size() >= config.platformCacheSize()) {
            // Evict what is due for a refresh first; a cache full of fresh answers starts again.
            cache.values().removeIf(e -> !e.refreshAt().isAfter(now));
            if (cache.size() >= config.platformCacheSize()) {
                cache.clear();
            }
        }
        cache.put(key, entry);
    }

    static Platform compile(PlatformRef ref) {
        List<CompiledShortLink> links = new ArrayList<>();
        if (ref.shortLinks() != null) {
            for (PlatformRef.ShortLink link : ref.shortLinks()) {
                if (link == null || link.host() == null || link.pattern() == null || link.canonical() == null) {
                    continue;
                }
                try {
                    links.add(new CompiledShortLink(link.host().toLowerCase(Locale.ROOT), Pattern.compile(link.pattern()),
                            link.canonical()));
                } catch (PatternSyntaxException e) {
                    LOG.warnf("Platform %s: short link pattern of %s does not compile, ignored: %s", ref.id(), link.host(),
                            e.getDescription());
                }
            }
        }
        return new Platform(ref.id(), List.copyOf(links));
    }

    /** The path of a canonical URL (scheme://host[:port]/path[?query]). */
    static String pathOf(String canonicalUrl) {
        int authority = canonicalUrl.indexOf("://");
        int slash = canonicalUrl.indexOf('/', authority < 0 ? 0 : authority + 3);
        if (slash < 0) {
            return "/";
        }
        int query = canonicalUrl.indexOf('?', slash);
        return query < 0 ? canonicalUrl.substring(slash) : canonicalUrl.substring(slash, query);
    }
}
