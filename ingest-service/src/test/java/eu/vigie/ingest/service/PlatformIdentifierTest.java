package eu.vigie.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.ingest.client.PlatformRef;
import eu.vigie.ingest.client.PlatformRegistry;
import eu.vigie.ingest.config.IngestConfig;
import io.quarkus.runtime.configuration.MemorySize;

class PlatformIdentifierTest {

    /** A registry whose answers the test decides, counting the questions it is asked. */
    static final class FakeRegistry extends PlatformRegistry {
        final Map<String, String> hosts = new HashMap<>();
        final Map<String, List<PlatformRef.ShortLink>> shortLinks = new HashMap<>();
        boolean down;
        volatile int calls;
        /** When set, the registry answers a host only once this latch is open. */
        volatile java.util.concurrent.CountDownLatch slow;

        FakeRegistry() {
            super(null);
        }

        @Override
        public Optional<PlatformRef> servingHost(String hostname) {
            calls++;
            if (slow != null) {
                try {
                    slow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            return Optional.ofNullable(hosts.get(hostname)).map(id -> new PlatformRef(id, id, List.of(hostname), "IE",
                    shortLinks.getOrDefault(id, List.of())));
        }

        @Override
        public Optional<PlatformRef> byId(String id) {
            calls++;
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            return hosts.containsValue(id) ? Optional.of(new PlatformRef(id, id, List.of(), "IE")) : Optional.empty();
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static IngestConfig config(Duration ttl) {
        return new IngestConfig() {
            @Override
            public MemorySize maxMediaBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(1024));
            }

            @Override
            public Optional<List<String>> trackingParameters() {
                return Optional.empty();
            }

            @Override
            public Duration platformCacheTtl() {
                return ttl;
            }

            @Override
            public Duration unknownPlatformCacheTtl() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration handOffYield() {
                return Duration.ZERO;
            }

            @Override
            public int platformCacheSize() {
                return 100;
            }

            @Override
            public int batchMaxLines() {
                return 10;
            }

            @Override
            public long maxImagePixels() {
                return 1_000_000;
            }

            @Override
            public EvidenceStoreKind evidenceStore() {
                return EvidenceStoreKind.POSTGRES;
            }

            @Override
            public Optional<java.nio.file.Path> evidenceDirectory() {
                return Optional.empty();
            }

            @Override
            public java.time.Period retentionAfterCaseClosed() {
                return java.time.Period.ofMonths(6);
            }

            @Override
            public Duration purgeEvery() {
                return Duration.ofHours(1);
            }

            @Override
            public int purgeBatchSize() {
                return 100;
            }
        };
    }

    private final FakeRegistry registry = new FakeRegistry();
    private final MutableClock clock = new MutableClock();
    /** Background refreshes the test runs when it chooses. */
    private final java.util.ArrayDeque<Runnable> refreshes = new java.util.ArrayDeque<>();
    private final PlatformIdentifier identifier = new PlatformIdentifier(registry, config(Duration.ofMinutes(5)), clock,
            refreshes::add);

    @Test
    void identifiesByHostAndCachesTheAnswerForTheTtl() {
        registry.hosts.put("video.example", "examplevideo");
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(1, registry.calls);
        assertEquals(0, refreshes.size());
    }

    @Test
    void afterTheTtlTheCachedAnswerServesWhileOneBackgroundRefreshAsksAgain() {
        registry.hosts.put("video.example", "examplevideo");
        identifier.identify(null, "video.example");
        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        registry.hosts.remove("video.example");
        // no referral waits for the registry: the last answer serves, one refresh is queued however many ask
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(1, registry.calls);
        assertEquals(1, refreshes.size());
        refreshes.poll().run();
        assertEquals(2, registry.calls);
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "video.example"));
        assertEquals(0, refreshes.size());
    }

    @Test
    void failedRefreshKeepsTheLastAnswerAndTriesAgainLater() {
        registry.hosts.put("video.example", "examplevideo");
        identifier.identify(null, "video.example");
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        registry.down = true;
        identifier.identify(null, "video.example");
        refreshes.poll().run();
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(0, refreshes.size(), "not asked again at once");
        clock.now = clock.now.plusSeconds(11);
        registry.down = false;
        identifier.identify(null, "video.example");
        assertEquals(1, refreshes.size());
    }

    @Test
    void shortLinksOfTheServingPlatformGiveTheLongForm() {
        registry.hosts.put("vid.example", "examplevideo");
        registry.shortLinks.put("examplevideo", List.of(
                new PlatformRef.ShortLink("vid.example", "^/([A-Za-z0-9_-]{4,32})$", "https://video.example/watch?v={1}"),
                new PlatformRef.ShortLink("vid.example", "([", "https://broken.example/{1}")));
        assertEquals(Optional.of("https://video.example/watch?v=abcd_12"),
                identifier.expandShortLink("https://vid.example/abcd_12"));
        assertEquals(Optional.empty(), identifier.expandShortLink("https://vid.example/ab"), "too short for the pattern");
        assertEquals(Optional.empty(), identifier.expandShortLink("https://vid.example/abcd/more"));
        assertEquals(Optional.empty(), identifier.expandShortLink("https://nobody.example/abcd_12"));
        assertEquals(2, registry.calls, "each host asked once: the short links are cached with the platform");
    }

    @Test
    void referralsArrivingTogetherForANewHostAskTheRegistryOnce() throws Exception {
        registry.hosts.put("burst.example", "examplevideo");
        registry.slow = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<PlatformIdentification>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> identifier.identify(null, "burst.example")));
            }
            Thread.sleep(300);
            registry.slow.countDown();
            for (var answer : answers) {
                assertEquals(new PlatformIdentification("examplevideo", true), answer.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, registry.calls);
    }

    @Test
    void cachesThatNoPlatformServesAHost() {
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "nobody.example"));
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "nobody.example"));
        assertEquals(1, registry.calls);
    }

    @Test
    void aPlatformRegisteredAfterItsHostWasUnknownIsRecognisedOnceTheShortUnknownAnswerExpires() {
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "new.example"));
        registry.hosts.put("new.example", "newplatform");
        clock.now = clock.now.plusSeconds(9);
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "new.example"), "within the unknown TTL");
        assertEquals(1, registry.calls);
        clock.now = clock.now.plusSeconds(2);
        // Not served stale: asked again before this referral is identified, not in the background.
        assertEquals(new PlatformIdentification("newplatform", true), identifier.identify(null, "new.example"));
        assertEquals(2, registry.calls);
        assertEquals(0, refreshes.size());
        // A platform found is kept for the long TTL.
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals(new PlatformIdentification("newplatform", true), identifier.identify(null, "new.example"));
        assertEquals(2, registry.calls);
    }

    @Test
    void anExpiredUnknownAnswerStandsWhileTheRegistryCannotBeAsked() {
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "gone.example"));
        clock.now = clock.now.plusSeconds(11);
        registry.down = true;
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "gone.example"));
        assertEquals(2, registry.calls);
        registry.down = false;
        registry.hosts.put("gone.example", "back");
        assertEquals(new PlatformIdentification("back", true), identifier.identify(null, "gone.example"));
    }

    @Test
    void unreachableRegistryFlagsTheReferralAndIsNotCached() {
        registry.down = true;
        assertEquals(PlatformIdentification.UNKNOWN, identifier.identify(null, "video.example"));
        registry.down = false;
        registry.hosts.put("video.example", "examplevideo");
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify(null, "video.example"));
        assertEquals(2, registry.calls);
    }

    @Test
    void namedPlatformMustBeRegisteredUnlessTheRegistryCannotSay() {
        registry.hosts.put("video.example", "examplevideo");
        assertEquals(new PlatformIdentification("examplevideo", true), identifier.identify("examplevideo", "other.example"));
        ProblemException unknown = assertThrows(ProblemException.class, () -> identifier.identify("ghost", "x.example"));
        assertEquals(422, unknown.status());
        registry.down = true;
        assertEquals(new PlatformIdentification("unverified", false), identifier.identify("unverified", "x.example"));
    }
}
