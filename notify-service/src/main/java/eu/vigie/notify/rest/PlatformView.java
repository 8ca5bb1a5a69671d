package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.Platform;

/** A platform as the registry shows it: never the webhook secret, only whether one is set. */
@Schema(name = "Platform")
public record PlatformView(String id, String name, List<String> hostnames, String homeJurisdiction,
        String legalRepresentative, String email, String webhookUrl, boolean webhookSecretSet,
        @Schema(description = "Until when the previous webhook secret still signs, after a rotation") Instant previousWebhookSecretValidUntil,
        List<String> languages, boolean hasReceivedOrder, List<PlatformShortLink> shortLinks, Instant createdAt,
        Instant updatedAt) {

    public static PlatformView of(Platform p) {
        return new PlatformView(p.id, p.name, p.hostnames.stream().sorted().toList(), p.homeJurisdiction,
                p.legalRepresentative, p.email, p.webhookUrl, p.webhookSecret != null,
                p.webhookPreviousSecret != null && p.webhookPreviousSecretUntil != null
                        && p.webhookPreviousSecretUntil.isAfter(Instant.now()) ? p.webhookPreviousSecretUntil : null,
                p.languages == null || p.languages.isBlank() ? List.of() : Arrays.asList(p.languages.split(",")),
                p.hasReceivedOrder, p.shortLinks.stream().map(PlatformShortLink::of).toList(), p.createdAt, p.updatedAt);
    }
}
