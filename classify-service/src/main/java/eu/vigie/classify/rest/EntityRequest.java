package eu.vigie.classify.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.Tier;

/** A designated entity to add to the list, with its aliases (its name is matched too). */
@Schema(name = "DesignatedEntityRequest")
public record EntityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Tier tier,
        @NotBlank @Size(max = 500) @Schema(description = "The lists that designate it, as free text") String source,
        @Size(max = 200) List<@Valid @NotNull AliasRequest> aliases,
        @Size(max = 4) @Schema(description = "The designation lists it is on (each at most once); optional")
        List<@Valid @NotNull ListingRequest> listings) {
}
