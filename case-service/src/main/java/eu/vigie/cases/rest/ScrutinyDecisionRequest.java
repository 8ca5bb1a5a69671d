package eu.vigie.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.vigie.cases.ScrutinyDecision;

/** The home authority's scrutiny of a cross-border order: UPHELD or REVOKED, and why. */
public record ScrutinyDecisionRequest(@NotNull ScrutinyDecision decision, @NotBlank @Size(max = 10000) String reasons) {
}
