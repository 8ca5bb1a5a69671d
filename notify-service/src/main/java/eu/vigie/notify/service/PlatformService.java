package eu.vigie.notify.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.Platform;
import eu.vigie.notify.repository.PlatformRepository;
import eu.vigie.notify.rest.PlatformRequest;

/** The registry of hosting service providers. */
@ApplicationScoped
public class PlatformService {

    private final PlatformRepository platforms;
    private final WebhookTargetPolicy webhookTargets;
    private final WebhookSecrets secrets;

    public PlatformService(PlatformRepository platforms, WebhookTargetPolicy webhookTargets, WebhookSecrets secrets) {
        this.platforms = platforms;
        this.webhookTargets = webhookTargets;
        this.secrets = secrets;
    }

    public List<Platform> list(Optional<String> hostname) {
        return hostname.map(h -> platforms.findByHostname(h).map(List::of).orElse(List.of()))
                .orElseGet(platforms::listAllOrdered);
    }

    public Platform get(String id) {
        return platforms.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Platform " + id));
    }

    @Transactional
    public Platform register(PlatformRequest request) {
        if (request.id() == null) {
            throw ProblemException.invalidField("id", "is required");
        }
        if (platforms.findByIdOptional(request.id()).isPresent()) {
            throw ProblemException.conflict("A platform with id " + request.id() + " is already registered");
        }
        Platform platform = new Platform();
        platform.id = request.id();
        platform.createdAt = Times.now();
        apply(platform, request);
        platforms.persist(platform);
        return platform;
    }

    @Transactional
    public Platform update(String id, PlatformRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalidField("id", "must match the path, or be left out");
        }
        Platform platform = get(id);
        apply(platform, request);
        return platform;
    }

    /**
     * Replaces a platform's webhook secret; during the overlap the previous secret still signs, so
     * the platform can switch its verification without losing a delivery.
     */
    @Transactional
    public Platform rotateWebhookSecret(String id, String secret, Duration overlap) {
        secrets.validate("secret", secret);
        Platform platform = get(id);
        Instant now = Times.now();
        if (platform.webhookSecret != null && !overlap.isZero()) {
            platform.webhookPreviousSecret = platform.webhookSecret;
            platform.webhookPreviousSecretUntil = now.plus(overlap);
        } else {
            platform.webhookPreviousSecret = null;
            platform.webhookPreviousSecretUntil = null;
        }
        platform.webhookSecret = secrets.encrypt(secret);
        platform.updatedAt = now;
        return platform;
    }

    /** The HMAC keys that sign a delivery now: the current secret, and the previous one during a rotation's overlap. */
    public List<byte[]> signingKeys(Platform platform, Instant now) {
        List<byte[]> keys = new java.util.ArrayList<>();
        if (platform.webhookSecret != null) {
            keys.add(secrets.signingKey(platform.webhookSecret));
        }
        if (platform.webhookPreviousSecret != null && platform.webhookPreviousSecretUntil != null
                && now.isBefore(platform.webhookPreviousSecretUntil)) {
            keys.add(secrets.signingKey(platform.webhookPreviousSecret));
        }
        return keys;
    }

    private void apply(Platform platform, PlatformRequest request) {
        LinkedHashSet<String> hostnames = new LinkedHashSet<>();
        request.hostnames().forEach(h -> hostnames.add(h.toLowerCase(Locale.ROOT)));
        platforms.ownerOfAny(hostnames, platform.id).ifPresent(taken -> {
            throw ProblemException.conflict("Hostname " + taken + " is already registered to another platform");
        });
        List<eu.vigie.notify.ShortLink> shortLinks = ShortLinkRules.check(request.shortLinks(), hostnames);
        if (request.webhookUrl() != null) {
            webhookTargets.check(request.webhookUrl());
        }
        if (request.webhookSecret() != null) {
            secrets.validate("webhookSecret", request.webhookSecret());
        }
        boolean hasWebhook = request.webhookUrl() != null;
        boolean hasSecret = request.webhookSecret() != null || platform.webhookSecret != null;
        if (hasWebhook && !hasSecret) {
            throw ProblemException.invalidField("webhookSecret", "is required with a webhookUrl");
        }
        if (!hasWebhook && request.email() == null) {
            // Every platform can still pull its inbox, but a contact point must be reachable too.
            throw ProblemException.invalidField("email", "is required when no webhookUrl is given");
        }
        platform.name = request.name();
        platform.hostnames.clear();
        platform.hostnames.addAll(hostnames);
        platform.shortLinks.clear();
        platform.shortLinks.addAll(shortLinks);
        platform.homeJurisdiction = request.homeJurisdiction();
        platform.legalRepresentative = request.legalRepresentative();
        platform.email = request.email();
        platform.webhookUrl = request.webhookUrl();
        if (request.webhookSecret() != null) {
            // A secret given here replaces the current one at once; POST .../webhook-secret rotates with an overlap.
            platform.webhookSecret = secrets.encrypt(request.webhookSecret());
            platform.webhookPreviousSecret = null;
            platform.webhookPreviousSecretUntil = null;
        }
        platform.languages = request.languages() == null ? "" : String.join(",", request.languages());
        if (request.hasReceivedOrder() != null) {
            platform.hasReceivedOrder = request.hasReceivedOrder();
        }
        platform.updatedAt = Times.now();
    }
}
