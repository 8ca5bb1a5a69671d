package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.DesignationList;

/** A designation list the entity is on, with the list's own name for it (if it differs) and the entry's reference. */
@Schema(name = "ListingRequest")
public record ListingRequest(
        @NotNull @Schema(description = "The list: UK_PROSCRIBED, EU_CFSP_2001_931, UN_ISIL_AQ or FR_GEL") DesignationList list,
        @Size(max = 300) @Schema(description = "The list's own name for the entity, where it differs from the entity's name",
                example = "Hizballah Military Wing") String listedName,
        @Size(max = 500) @Schema(description = "The instrument and entry that list it, as cited",
                example = "Council Common Position 2001/931/CFSP annex") String reference) {
}
