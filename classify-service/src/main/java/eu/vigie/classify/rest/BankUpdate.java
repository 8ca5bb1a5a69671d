package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enables or disables a bank; a missing description keeps the current one. */
@Schema(name = "BankUpdate")
public record BankUpdate(@NotNull Boolean enabled, @Size(max = 1000) String description) {
}
