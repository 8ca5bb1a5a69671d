package eu.vigie.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an order is withdrawn, or why its clock resumes. */
public record WithdrawalRequest(@NotBlank @Size(max = 10000) String reasons) {
}
