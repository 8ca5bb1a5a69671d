package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curator's clearing of a flag: why the signal stays as it is (or what was done about it), kept in the audit. */
@Schema(name = "CurationClearRequest")
public record CurationClearRequest(@NotBlank @Size(max = 2000) String note) {
}
