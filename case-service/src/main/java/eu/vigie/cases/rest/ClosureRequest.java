package eu.vigie.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a case is closed. */
public record ClosureRequest(@NotBlank @Size(max = 10000) String reasons) {
}
