package eu.vigie.notify.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as an admin registers or updates it. {@code webhookSecret} is write-only. */
@Schema(name = "PlatformRequest")
public record PlatformRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be a lower-case slug of 2 to 64 letters, digits and dashes")
        @Schema(example = "examplevideo") String id,
        @NotBlank @Size(max = 200) @Schema(example = "ExampleVideo Ltd") String name,
        @NotEmpty(message = "must list at least one hostname")
        List<@Pattern(regexp = "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}", message = "must be valid hostnames") String> hostnames,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @Schema(example = "IE") String homeJurisdiction,
        @Size(max = 500) String legalRepresentative,
        @Email @Size(max = 320) String email,
        @Size(max = 2000) @Schema(example = "https://trust.examplevideo.com/vigie/webhook") String webhookUrl,
        @Size(max = 200) @Schema(writeOnly = true, description = "whsec_ + base64 of 24 to 64 random bytes") String webhookSecret,
        List<@Pattern(regexp = "[a-z]{2}", message = "must be ISO 639-1 codes") String> languages,
        Boolean hasReceivedOrder,
        @Size(max = 50, message = "may list at most 50 short links")
        @Schema(description = "Short-link forms on the platform's hostnames; left out or null: none (PUT replaces them)")
        List<PlatformShortLink> shortLinks) {
}
