package eu.vigie.notify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform's request for scrutiny of a cross-border removal order: why the order should be scrutinised. */
@Schema(name = "ScrutinyRequest")
public record ScrutinyRequestBody(
        @NotBlank @Size(max = 4000) @Schema(description = "Why the platform asks its home authority to scrutinise the order") String reasons) {
}
