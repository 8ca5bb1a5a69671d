package eu.vigie.notify.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.notify.NotificationKind;

/** What a neighbour asks notify-service to deliver; idempotent by {@code id}, which the sender chooses. */
@Schema(name = "NotificationRequest")
public record NotificationRequest(
        @NotNull UUID id,
        @NotNull NotificationKind kind,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be a registered platform's id") String platformId,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,49}", message = "must be an upper-case type name such as REMOVAL_ORDER") String subjectType,
        @NotNull UUID subjectId,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String jurisdiction,
        @NotNull @Schema(description = "What the platform must see, as a JSON object") JsonNode payload) {
}
