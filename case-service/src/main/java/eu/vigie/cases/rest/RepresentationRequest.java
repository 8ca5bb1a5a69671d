package eu.vigie.cases.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The platform's representations: when they arrived, what they say, and the document that holds them. */
public record RepresentationRequest(@NotNull Instant receivedAt, @NotBlank @Size(max = 20000) String summary,
        @NotBlank @Size(max = 500) String documentReference) {
}
