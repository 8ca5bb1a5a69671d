package eu.vigie.notify.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.RecipientType;

/**
 * What a neighbour asks notify-service to deliver; idempotent by {@code id}, which the sender chooses.
 * A platform is addressed by {@code platformId} (or {@code recipientType} PLATFORM with
 * {@code recipient} the platform id); an authority by {@code recipientType} AUTHORITY with
 * {@code recipient} its jurisdiction, where {@code platformId}, if given, names the platform the
 * notice is about (kept as {@code platformConcerned}; the platform is not told).
 */
@Schema(name = "NotificationRequest")
public record NotificationRequest(
        @NotNull UUID id,
        @NotNull NotificationKind kind,
        @Schema(description = "PLATFORM (default) or AUTHORITY") RecipientType recipientType,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}|[A-Z]{2}", message = "must be a platform id or, for an authority, an ISO 3166-1 alpha-2 code")
        @Schema(description = "The platform id, or for an AUTHORITY the jurisdiction whose authority is addressed (e.g. IE)") String recipient,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be a platform's id")
        @Schema(description = "PLATFORM: the recipient; AUTHORITY: optional, the platform the notice is about") String platformId,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,49}", message = "must be an upper-case type name such as REMOVAL_ORDER") String subjectType,
        @NotNull UUID subjectId,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String jurisdiction,
        @NotNull @Schema(description = "What the recipient must see, as a JSON object") JsonNode payload) {
}
