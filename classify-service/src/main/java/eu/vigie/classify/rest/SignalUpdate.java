package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enables or disables one signal. */
@Schema(name = "SignalUpdate")
public record SignalUpdate(@NotNull Boolean enabled) {
}
