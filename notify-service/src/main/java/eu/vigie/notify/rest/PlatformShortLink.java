package eu.vigie.notify.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.ShortLink;

/** A platform's short-link form, as registered and as shown (checked by the registry, 422 when wrong). */
@Schema(name = "PlatformShortLink")
public record PlatformShortLink(
        @Schema(description = "One of the platform's hostnames, lower case", example = "vid.example") String host,
        @Schema(description = "A Java regular expression (at most 200 characters) matched against the path of a canonicalised URL on host",
                example = "^/([A-Za-z0-9_-]{4,32})$") String pattern,
        @Schema(description = "An http(s) URL template on one of the platform's hostnames; {1} to {9} take the pattern's groups",
                example = "https://video.example/watch?v={1}") String canonical) {

    public static PlatformShortLink of(ShortLink link) {
        return new PlatformShortLink(link.host, link.pattern, link.canonical);
    }
}
