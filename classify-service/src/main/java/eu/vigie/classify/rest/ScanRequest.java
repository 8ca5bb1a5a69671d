package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to scan for designated entities and category indicators. */
@Schema(name = "ScanRequest")
public record ScanRequest(@NotNull String text) {
}
